package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import java.util.Optional;

/** {@code check_member_access_status}: a member's door, and what this run plans for it. */
final class CheckMemberAccessStatus extends CatalogTool {
  CheckMemberAccessStatus() {
    super(
        "check_member_access_status",
        "Shows whether a member's key fob opens the club's doors: door (ACTIVE, LOCKED_PAYMENT"
            + " or LOCKED_OTHER), whether GymOps may lift the lock (only payment locks; a lock"
            + " set by staff is theirs to lift), the balance, and any lock or unlock this run"
            + " plans for the member. Read-only.",
        InputSchema.object().memberId(),
        ALL_WORKFLOWS,
        false);
  }

  @Override
  ToolResult run(JsonNode input, ToolSession session) {
    MemberId id = memberId(input);
    Optional<Member> found = MemberLookup.find(session, id);
    if (found.isEmpty()) {
      return MemberLookup.unknown(session, id);
    }
    Member member = found.get();
    ObjectNode content = object();
    content.put("member_id", id.value());
    content.put("door", member.door().code());
    content.put("locked", member.door().isLocked());
    content.put("gymops_may_unlock", member.door().isLockedForPayment());
    content.put("amount", member.pastDue().toBigDecimal());
    content.set(
        "planned_door_actions",
        MemberRows.planned(
            session.ledger().plannedFor(id).stream()
                .filter(e -> e.action().name().endsWith("_door"))
                .toList()));
    return ToolResult.ok(content);
  }
}
