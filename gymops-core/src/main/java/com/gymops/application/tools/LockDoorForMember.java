package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.Effect;
import java.util.Set;

/** {@code lock_door_for_member}: the planned payment lock, once. */
final class LockDoorForMember extends CatalogTool {
  LockDoorForMember() {
    super(
        "lock_door_for_member",
        "Locks a member's key fob for non-payment, when the policy planned that lock in this run:"
            + " in past-due monitoring at $100+ past due AND 4+ reminders; in door access past"
            + " the 3-day grace period (club settings may differ). Locks happen only inside the"
            + " sending window, and a run that would lock more than the club's limit locks none."
            + " Anything else is refused with the reason. The lock is always recorded with reason"
            + " PAYMENT; your reason text is returned, not stored. The member's message and note"
            + " are separate planned actions (send_message_to_member, add_member_note), or are"
            + " completed by execute_plan.",
        InputSchema.object()
            .memberId()
            .text("reason", "Why, in a few words, for the transcript.", 500, true),
        Set.of(WorkflowId.PAST_DUE_MONITORING, WorkflowId.DOOR_ACCESS),
        true);
  }

  @Override
  ToolResult run(JsonNode input, ToolSession session) {
    MemberId id = memberId(input);
    ToolResult result =
        session.perform(
            name(),
            id,
            effect -> effect instanceof Effect.LockDoor,
            () -> Refusals.lock(session, id));
    if (!result.isError()) {
      ObjectNode content = result.content();
      content.put("reason_given", input.get("reason").asText());
    }
    return result;
  }
}
