package com.gymops.application.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Removes secrets from what the model sees and writes: the deployment's own API key wherever it
 * appears, and anything shaped like an Anthropic key (a member note could carry one as well as
 * anything else). Applied to the transcript and to every field the model writes (its report, its
 * tool calls' inputs), so no stored or printed copy holds a key (docs/SECURITY.md).
 */
public record Redaction(String apiKey) {
  private static final Pattern KEY_SHAPE = Pattern.compile("sk-ant-[A-Za-z0-9_\\-]{8,}");
  static final String MASK = "[redacted]";

  public String apply(String text) {
    String redacted = text;
    if (apiKey != null && !apiKey.isBlank()) {
      redacted = redacted.replace(apiKey, MASK);
    }
    return KEY_SHAPE.matcher(redacted).replaceAll(MASK);
  }

  /** A copy of the JSON with every text value and field name redacted. */
  public JsonNode apply(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return TextNode.valueOf(apply(node.asText()));
    }
    if (node.isArray()) {
      ArrayNode copy = ((ArrayNode) node).arrayNode();
      node.forEach(element -> copy.add(apply(element)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).objectNode();
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
      node.fields().forEachRemaining(fields::add);
      fields.forEach(field -> copy.set(apply(field.getKey()), apply(field.getValue())));
      return copy;
    }
    return node;
  }
}
