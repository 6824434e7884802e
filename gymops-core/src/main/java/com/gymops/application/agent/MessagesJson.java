package com.gymops.application.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.application.port.LlmContent;
import com.gymops.application.port.LlmMessage;
import com.gymops.application.port.LlmRequest;
import com.gymops.application.port.LlmResponse;
import com.gymops.application.port.LlmTool;
import java.io.UncheckedIOException;

/**
 * Requests and answers in the Messages API's JSON, the shape the transcript stores
 * (docs/ARCHITECTURE.md, Agent mode) and the console reads: the same shape whichever client sent
 * them, and the size of a request as the API receives it.
 */
final class MessagesJson {
  static final ObjectMapper JSON = new ObjectMapper();

  private MessagesJson() {}

  static ObjectNode request(LlmRequest request) {
    ObjectNode node = JSON.createObjectNode();
    node.put("max_tokens", request.maxTokens());
    ArrayNode messages = node.putArray("messages");
    request.messages().forEach(message -> messages.add(message(message)));
    node.put("model", request.model());
    ArrayNode system = node.putArray("system");
    request.system().forEach(text -> system.add(block(text)));
    ArrayNode tools = node.putArray("tools");
    request.tools().forEach(tool -> tools.add(tool(tool)));
    return node;
  }

  static ObjectNode response(LlmResponse response) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", response.id());
    node.put("type", "message");
    node.put("role", "assistant");
    node.put("model", response.model());
    ArrayNode content = node.putArray("content");
    response.content().forEach(block -> content.add(block(block)));
    node.put("stop_reason", response.stopReason());
    ObjectNode usage = node.putObject("usage");
    usage.put("input_tokens", response.usage().inputTokens());
    usage.put("output_tokens", response.usage().outputTokens());
    usage.put("cache_creation_input_tokens", response.usage().cacheCreationInputTokens());
    usage.put("cache_read_input_tokens", response.usage().cacheReadInputTokens());
    return node;
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode message(LlmMessage message) {
    ObjectNode node = JSON.createObjectNode();
    boolean user = message.role() == LlmMessage.Role.USER;
    node.put("role", user ? "user" : "assistant");
    if (user && message.isPlainText()) {
      node.put("content", ((LlmContent.Text) message.content().get(0)).text());
    } else {
      ArrayNode content = node.putArray("content");
      message.content().forEach(block -> content.add(block(block)));
    }
    return node;
  }

  private static ObjectNode block(LlmContent content) {
    ObjectNode node = JSON.createObjectNode();
    boolean breakpoint = false;
    if (content instanceof LlmContent.Text text) {
      node.put("type", "text");
      node.put("text", text.text());
      breakpoint = text.cacheBreakpoint();
    } else if (content instanceof LlmContent.Thinking thinking) {
      node.put("type", "thinking");
      node.put("thinking", thinking.thinking());
      node.put("signature", thinking.signature());
    } else if (content instanceof LlmContent.RedactedThinking redacted) {
      node.put("type", "redacted_thinking");
      node.put("data", redacted.data());
    } else if (content instanceof LlmContent.ToolUse call) {
      node.put("type", "tool_use");
      node.put("id", call.id());
      node.put("name", call.name());
      node.set("input", parse(call.inputJson()));
    } else if (content instanceof LlmContent.ToolResult result) {
      node.put("type", "tool_result");
      node.put("tool_use_id", result.toolUseId());
      node.put("content", result.content());
      node.put("is_error", result.isError());
      breakpoint = result.cacheBreakpoint();
    }
    if (breakpoint) {
      node.putObject("cache_control").put("type", "ephemeral");
    }
    return node;
  }

  private static ObjectNode tool(LlmTool tool) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", tool.name());
    node.put("description", tool.description());
    node.set("input_schema", parse(tool.inputSchemaJson()));
    return node;
  }
}
