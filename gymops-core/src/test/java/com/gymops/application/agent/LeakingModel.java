package com.gymops.application.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.fakes.ScriptedModel;
import java.util.List;
import java.util.Map;

/**
 * A model that echoes a secret it saw into everything it writes: the reason of a hold, and its
 * closing report.
 */
final class LeakingModel implements ScriptedModel {
  private final String secret;

  LeakingModel(String secret) {
    this.secret = secret;
  }

  @Override
  public Reply respond(JsonNode request) {
    Map<String, List<JsonNode>> results = ScriptedModel.lastResults(request);
    if (request.get("messages").size() == 1) {
      return new Answer().call("review_plan", "{\"limit\": 20}").toolUse();
    }
    if (results.containsKey("review_plan")) {
      JsonNode items = results.get("review_plan").get(0).path("exceptions").path("items");
      if (items.size() > 0) {
        String member = items.get(0).path("member_id").asText();
        return new Answer()
            .call(
                "hold_actions",
                "{\"member_ids\": [\"" + member + "\"], \"reason\": \"x-api-key: " + secret + "\"}")
            .toolUse();
      }
      return new Answer().call("execute_plan", "{}").toolUse();
    }
    if (results.containsKey("hold_actions")) {
      return new Answer().call("execute_plan", "{}").toolUse();
    }
    return new Answer().text("Done. The request carried x-api-key: " + secret).endTurn();
  }
}
