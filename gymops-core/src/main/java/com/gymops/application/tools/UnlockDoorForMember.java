package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.Effect;
import java.util.Set;

/** {@code unlock_door_for_member}: the planned lift of a payment lock, once. */
final class UnlockDoorForMember extends CatalogTool {
  UnlockDoorForMember() {
    super(
        "unlock_door_for_member",
        "Restores a member's door access when the policy planned it: the door is locked for"
            + " payment and the balance is paid. A lock set by staff (LOCKED_OTHER) is never"
            + " lifted by GymOps. The 'access restored' message and the note are separate"
            + " planned actions (send_message_to_member, add_member_note), or are completed by"
            + " execute_plan.",
        InputSchema.object().memberId(),
        Set.of(WorkflowId.DOOR_ACCESS),
        true);
  }

  @Override
  ToolResult run(JsonNode input, ToolSession session) {
    MemberId id = memberId(input);
    return session.perform(
        name(),
        id,
        effect -> effect instanceof Effect.UnlockDoor,
        () -> Refusals.unlock(session, id));
  }
}
