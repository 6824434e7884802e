package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.Effect;
import java.util.Set;

/** {@code refer_to_collections}: the planned referral, once. */
final class ReferToCollections extends CatalogTool {
  ReferToCollections() {
    super(
        "refer_to_collections",
        "Hands a member to the collections agency: records the referral (with amount and"
            + " attempts) for the agency's report file. Only members on"
            + " generate_collections_referral_list may be referred. A referred member gets no more"
            + " reminders, invoices or escalations from GymOps. The REFERRED TO COLLECTIONS note"
            + " is a separate planned action (add_member_note urgent billing).",
        InputSchema.object().memberId(),
        Set.of(WorkflowId.COLLECTIONS_REFERRAL),
        true);
  }

  @Override
  ToolResult run(JsonNode input, ToolSession session) {
    MemberId id = memberId(input);
    return session.perform(
        name(),
        id,
        effect -> effect instanceof Effect.ReferToCollections,
        () -> Refusals.generic(session, id, "referral"));
  }
}
