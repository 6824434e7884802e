package com.gymops.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Works as the system prompt asks: review_plan, hold the first exception with a reason (thinking
 * first, so the loop must echo a signed thinking block), execute_plan, a short report.
 */
public final class CompetentModel implements ScriptedModel {
  @Override
  public Reply respond(JsonNode request) {
    Map<String, List<JsonNode>> results = ScriptedModel.lastResults(request);
    if (request.get("messages").size() == 1) {
      return new Answer()
          .text("Reviewing the plan first.")
          .call("review_plan", "{\"limit\": 20}")
          .toolUse();
    }
    if (results.containsKey("review_plan")) {
      JsonNode items = results.get("review_plan").get(0).path("exceptions").path("items");
      if (items.size() > 0) {
        String member = items.get(0).path("member_id").asText();
        return new Answer()
            .thinking("The staff note on " + member + " needs a person before we act.")
            .call(
                "hold_actions",
                "{\"member_ids\": [\"" + member + "\"], \"reason\": \"a staff note needs review\"}")
            .toolUse();
      }
      return new Answer().call("execute_plan", "{}").toolUse();
    }
    if (results.containsKey("hold_actions")) {
      return new Answer().call("execute_plan", "{}").toolUse();
    }
    return new Answer().text("Done: plan executed, one member held for review.").endTurn();
  }
}
