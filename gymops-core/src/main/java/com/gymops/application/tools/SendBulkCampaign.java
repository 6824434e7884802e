package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.Effect;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code send_bulk_campaign}: one template to many members, each checked against the plan. */
final class SendBulkCampaign extends CatalogTool {
  static final int MAX_MEMBERS = 200;

  SendBulkCampaign() {
    super(
        "send_bulk_campaign",
        "Sends one marketing template to a list of members (at most "
            + MAX_MEMBERS
            + " per call). Each member must have exactly that template planned for today (see"
            + " planned_template in get_campaign_prospects, get_green_members, get_ppv_members);"
            + " the others are refused one by one with the reason, and the rest still go. Texts"
            + " wait for the 08:00-20:00 sending window. Returns a result per member and counts"
            + " by outcome; it is an error only when no member could be sent to.",
        InputSchema.object()
            .enumeration(
                "template",
                "The marketing template key.",
                java.util.List.of(
                    "prospect_welcome",
                    "monthly_special",
                    "green_member_welcome",
                    "ppv_conversion"),
                true)
            .memberIds("member_ids", "The members to send it to.", MAX_MEMBERS),
        Set.of(WorkflowId.DAILY_CAMPAIGNS),
        true);
  }

  @Override
  ToolResult run(JsonNode input, ToolSession session) {
    String template = input.get("template").asText();
    ObjectNode content = object();
    content.put("template", template);
    Map<String, Integer> counts = new LinkedHashMap<>();
    ArrayNode results = content.putArray("results");
    int accepted = 0;
    for (JsonNode item : input.get("member_ids")) {
      MemberId id = new MemberId(item.asText().strip());
      ToolResult result =
          session.perform(
              name(),
              id,
              effect -> effect instanceof Effect.SendCampaign && effect.detail().equals(template),
              () -> Refusals.generic(session, id, template + " campaign"));
      ObjectNode row = results.addObject();
      row.put("member_id", id.value());
      if (result.isError()) {
        row.put("outcome", "refused");
        row.put("reason", result.error());
        counts.merge("refused", 1, Integer::sum);
      } else {
        accepted++;
        String outcome = result.content().get("outcome").asText();
        row.put("outcome", outcome);
        counts.merge(outcome, 1, Integer::sum);
      }
    }
    ObjectNode byOutcome = content.putObject("counts");
    counts.forEach(byOutcome::put);
    return new ToolResult(content, accepted == 0);
  }
}
