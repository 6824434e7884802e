package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.domain.MemberId;

/**
 * {@code hold_actions}: keep members' planned actions back for a person, with a note saying why.
 */
final class HoldActions extends CatalogTool {
  HoldActions() {
    super(
        "hold_actions",
        "Holds every pending planned action of the given members for a person to review"
            + " (execute_plan and the rules skip them) and leaves each a note 'Held for manager"
            + " review: <reason>'. For a plan that should not go ahead, e.g. a payment plan was"
            + " agreed. At most "
            + ToolSession.MAX_HOLDS_PER_RUN
            + " members per run. Cannot add actions.",
        InputSchema.object()
            .memberIds("member_ids", "The members to hold.", ToolSession.MAX_HOLDS_PER_RUN)
            .text("reason", "Why, for the manager: one sentence.", 500, true),
        ALL_WORKFLOWS,
        true);
  }

  @Override
  ToolResult run(JsonNode input, ToolSession session) {
    String reason = input.get("reason").asText().strip();
    ObjectNode content = object();
    ArrayNode results = content.putArray("results");
    int held = 0;
    for (JsonNode item : input.get("member_ids")) {
      MemberId id = new MemberId(item.asText().strip());
      ToolResult result = session.hold(name(), id, reason);
      if (result.isError()) {
        results.addObject().put("member_id", id.value()).put("error", result.error());
      } else {
        held++;
        results.add(result.content());
      }
    }
    content.put("held", held);
    content.put("holds_left", ToolSession.MAX_HOLDS_PER_RUN - session.holds().size());
    return new ToolResult(content, held == 0);
  }
}
