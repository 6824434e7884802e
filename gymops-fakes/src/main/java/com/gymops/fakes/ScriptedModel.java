package com.gymops.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A model behind {@link FakeMessagesApi}: reads a request body, answers like the API would. */
public interface ScriptedModel {
  Reply respond(JsonNode request);

  /** An HTTP status and JSON body. */
  record Reply(int status, ObjectNode body) {
    public static Reply error(int status, String type, String message) {
      ObjectNode body = FakeMessagesApi.JSON.createObjectNode();
      body.put("type", "error");
      body.putObject("error").put("type", type).put("message", message);
      return new Reply(status, body);
    }
  }

  /** Builds one assistant answer. */
  final class Answer {
    private static final AtomicInteger IDS = new AtomicInteger();
    private final ArrayNode content = FakeMessagesApi.JSON.createArrayNode();

    public Answer thinking(String text) {
      content
          .addObject()
          .put("type", "thinking")
          .put("thinking", text)
          .put("signature", FakeMessagesApi.SIGNATURE);
      return this;
    }

    public Answer text(String text) {
      content.addObject().put("type", "text").put("text", text);
      return this;
    }

    public Answer call(String tool, String inputJson) {
      try {
        content
            .addObject()
            .put("type", "tool_use")
            .put("id", "toolu_" + IDS.incrementAndGet())
            .put("name", tool)
            .set("input", FakeMessagesApi.JSON.readTree(inputJson));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return this;
    }

    public Reply stop(String reason) {
      ObjectNode body = FakeMessagesApi.JSON.createObjectNode();
      body.set("content", content);
      body.put("stop_reason", reason);
      return new Reply(200, body);
    }

    public Reply toolUse() {
      return stop("tool_use");
    }

    public Reply endTurn() {
      return stop("end_turn");
    }
  }

  /** The tool results of the request's last user message, by tool name, in call order. */
  static Map<String, List<JsonNode>> lastResults(JsonNode request) {
    JsonNode messages = request.get("messages");
    Map<String, List<JsonNode>> byTool = new LinkedHashMap<>();
    if (messages.size() < 2) {
      return byTool;
    }
    Map<String, String> names = new LinkedHashMap<>();
    for (JsonNode block : messages.get(messages.size() - 2).path("content")) {
      if ("tool_use".equals(block.path("type").asText())) {
        names.put(block.path("id").asText(), block.path("name").asText());
      }
    }
    for (JsonNode block : messages.get(messages.size() - 1).path("content")) {
      if ("tool_result".equals(block.path("type").asText())) {
        String name = names.get(block.path("tool_use_id").asText());
        try {
          JsonNode content = block.get("content");
          String text =
              content.isTextual() ? content.asText() : content.get(0).get("text").asText();
          byTool
              .computeIfAbsent(name, k -> new ArrayList<>())
              .add(FakeMessagesApi.JSON.readTree(text));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
    return byTool;
  }
}
