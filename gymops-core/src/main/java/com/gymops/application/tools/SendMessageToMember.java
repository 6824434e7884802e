package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.Effect;
import java.util.List;
import java.util.Set;

/**
 * {@code send_message_to_member}: the member's planned invoice (batch invoices) or access message
 * (door access). The model's text is never sent: every member text is a club template, so its
 * wording, figures, length and compliance are the club's.
 */
final class SendMessageToMember extends CatalogTool {
  SendMessageToMember() {
    super(
        "send_message_to_member",
        "Sends a member the message the policy planned for them in this run: the monthly"
            + " invoice in batch invoices, the 'access suspended' or 'access restored' text in"
            + " door access. message_text and channel are ignored: the club's template is sent,"
            + " with the member's figures, by SMS (or email when the member replied STOP), inside"
            + " the 08:00-20:00 sending window. One invoice per member per month. A member"
            + " without a planned message is refused with the reason; a second call is 'already"
            + " done'.",
        InputSchema.object()
            .memberId()
            .text("message_text", "The text you would send; the template is used.", 2000, false)
            .enumeration("channel", "Preferred channel; ignored.", List.of("sms", "email"), false),
        Set.of(WorkflowId.BATCH_INVOICES, WorkflowId.DOOR_ACCESS),
        true);
  }

  @Override
  ToolResult run(JsonNode input, ToolSession session) {
    MemberId id = memberId(input);
    return session.perform(
        name(),
        id,
        effect -> effect instanceof Effect.SendInvoice || effect instanceof Effect.SendMessage,
        () -> Refusals.generic(session, id, "message"));
  }
}
