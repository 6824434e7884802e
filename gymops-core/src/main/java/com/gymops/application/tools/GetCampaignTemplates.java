package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.domain.CampaignTemplate;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.MessageTemplates;
import java.util.Set;

/** {@code get_campaign_templates}: the club's marketing texts. */
final class GetCampaignTemplates extends CatalogTool {
  GetCampaignTemplates() {
    super(
        "get_campaign_templates",
        "Lists the club's marketing templates: key and body, with {first_name}-style variables"
            + " filled in per member at sending. Keys: prospect_welcome, monthly_special"
            + " (prospects), green_member_welcome (new members), ppv_conversion (pay-per-visit)."
            + " Every body ends with opt-out words. Read-only.",
        InputSchema.object(),
        Set.of(WorkflowId.DAILY_CAMPAIGNS),
        false);
  }

  @Override
  ToolResult run(JsonNode input, ToolSession session) {
    ObjectNode content = object();
    ArrayNode list = content.putArray("templates");
    for (CampaignTemplate template : session.templates().all(MessagePurpose.MARKETING)) {
      if (template.key().equals(MessageTemplates.ONE_OFF_MESSAGE)) {
        // A person's one-off words are no template a daily campaign plans (docs/ASK.md).
        continue;
      }
      list.addObject().put("key", template.key()).put("body", template.body());
    }
    return ToolResult.ok(content);
  }
}
