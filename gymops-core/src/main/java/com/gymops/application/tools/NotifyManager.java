package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.Effect;
import java.util.Set;

/** {@code notify_manager}: the run's planned manager text, once. */
final class NotifyManager extends CatalogTool {
  NotifyManager() {
    super(
        "notify_manager",
        "Texts (or emails) the club's manager the summary the policy planned for this run: the"
            + " escalation cases, the referrals, or a door-lock breaker warning. Your text is not"
            + " sent; the policy's summary, with exact figures, is (returned as text). At most one"
            + " per rule per day. Refused when the plan has no manager message.",
        InputSchema.object()
            .text(
                "text", "What you would tell the manager; the policy's text is used.", 2000, true),
        Set.of(
            WorkflowId.COLLECTIONS_ESCALATION,
            WorkflowId.COLLECTIONS_REFERRAL,
            WorkflowId.DOOR_ACCESS),
        true);
  }

  @Override
  ToolResult run(JsonNode input, ToolSession session) {
    return session.perform(
        name(),
        null,
        effect -> effect instanceof Effect.NotifyManager,
        () -> Refusals.generic(session, null, "manager message"));
  }
}
