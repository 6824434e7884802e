package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.Effect;
import java.util.List;
import java.util.Set;

/** {@code send_payment_reminder}: the planned reminder of the planned tier, once. */
final class SendPaymentReminder extends CatalogTool {
  SendPaymentReminder() {
    super(
        "send_payment_reminder",
        "Sends a member the payment reminder the policy planned for this run, and logs it as a"
            + " collection attempt. type must be the tier the policy chose (friendly, firm or"
            + " final: FINAL at $100+ or 4+ attempts, else FIRM at $50+ or 2+ attempts, else"
            + " FRIENDLY, by default); another tier, a member without a planned reminder (paid up,"
            + " reminded within 72 h, 2 collection messages in 7 days, open referral) or a second"
            + " call is refused with the reason. The text is the club's template; it goes by SMS,"
            + " or email after STOP, and waits for the 08:00-20:00 sending window. Returns the"
            + " outcome (done, already done, undeliverable, failed).",
        InputSchema.object()
            .memberId()
            .enumeration("type", "The reminder tier.", List.of("friendly", "firm", "final"), true),
        Set.of(WorkflowId.PAST_DUE_MONITORING),
        true);
  }

  @Override
  ToolResult run(JsonNode input, ToolSession session) {
    MemberId id = memberId(input);
    String tier = input.get("type").asText();
    return session.perform(
        name(),
        id,
        effect -> effect instanceof Effect.SendReminder && effect.detail().equals(tier),
        () -> Refusals.reminder(session, id, tier));
  }
}
