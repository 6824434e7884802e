package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.Effect;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code add_member_note}: the planned note of that category (and priority, when given), once. Only
 * planned notes may be written: a free note would be an effect outside the policy, and the one note
 * the agent may add on its own, the manager-review note, comes with {@code hold_actions}.
 */
final class AddMemberNote extends CatalogTool {
  AddMemberNote() {
    super(
        "add_member_note",
        "Adds the note the policy planned for a member in this run: e.g. the urgent billing note"
            + " of a door lock, the ESCALATION or REFERRED TO COLLECTIONS note, the monthly"
            + " invoice note, the access locked/restored service note. category (and priority,"
            + " if given) must match the planned note. The text written is the policy's, with"
            + " its exact figures; your note text is ignored. A note the policy did not plan is"
            + " refused; to flag a member for a person, use hold_actions, which leaves a"
            + " manager-review note.",
        InputSchema.object()
            .memberId()
            .text("note", "The note you would write; the policy's text is used.", 2000, true)
            .enumeration(
                "priority", "How urgent; optional.", List.of("normal", "high", "urgent"), false)
            .enumeration(
                "category",
                "The desk it belongs to.",
                List.of("billing", "service", "marketing", "general"),
                true),
        Set.of(
            WorkflowId.PAST_DUE_MONITORING,
            WorkflowId.DOOR_ACCESS,
            WorkflowId.COLLECTIONS_ESCALATION,
            WorkflowId.COLLECTIONS_REFERRAL,
            WorkflowId.BATCH_INVOICES),
        true);
  }

  @Override
  ToolResult run(JsonNode input, ToolSession session) {
    MemberId id = memberId(input);
    String category = input.get("category").asText();
    String priority = input.hasNonNull("priority") ? input.get("priority").asText() : null;
    return session.perform(
        name(),
        id,
        effect ->
            effect instanceof Effect.AddNote note
                && note.category().name().toLowerCase(Locale.ROOT).equals(category)
                && (priority == null
                    || note.priority().name().toLowerCase(Locale.ROOT).equals(priority)),
        () ->
            Refusals.generic(
                session, id, (priority == null ? "" : priority + " ") + category + " note"));
  }
}
