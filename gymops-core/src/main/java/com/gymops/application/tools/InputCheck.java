package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a tool's input against its {@link InputSchema} before the handler sees it: required
 * fields, no unknown fields, types, enums, bounds and lengths. The first problem is returned as a
 * sentence naming the field, for the model to fix.
 */
final class InputCheck {
  private InputCheck() {}

  static Optional<String> problem(JsonNode input, ObjectNode schema) {
    if (input == null || input.isNull() || input.isMissingNode()) {
      input = schema.objectNode();
    }
    if (!input.isObject()) {
      return Optional.of("the input must be a JSON object");
    }
    JsonNode properties = schema.get("properties");
    for (JsonNode name : schema.get("required")) {
      JsonNode value = input.get(name.asText());
      if (value == null || value.isNull()) {
        return Optional.of("missing required field '" + name.asText() + "'");
      }
    }
    for (Map.Entry<String, JsonNode> field : input.properties()) {
      JsonNode property = properties.get(field.getKey());
      if (property == null) {
        List<String> known = new ArrayList<>();
        properties.fieldNames().forEachRemaining(known::add);
        return Optional.of(
            "unknown field '"
                + field.getKey()
                + "'; this tool takes "
                + (known.isEmpty() ? "no fields" : String.join(", ", known)));
      }
      if (field.getValue().isNull() && !hasRequired(schema, field.getKey())) {
        continue;
      }
      Optional<String> problem = check(field.getKey(), field.getValue(), property);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static boolean hasRequired(ObjectNode schema, String name) {
    for (JsonNode required : schema.get("required")) {
      if (required.asText().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static Optional<String> check(String name, JsonNode value, JsonNode property) {
    String type = property.get("type").asText();
    switch (type) {
      case "string" -> {
        if (!value.isTextual()) {
          return Optional.of("field '" + name + "' must be a string");
        }
        String text = value.asText();
        if (property.has("minLength")
            && text.strip().length() < property.get("minLength").asInt()) {
          return Optional.of("field '" + name + "' must not be empty");
        }
        if (property.has("maxLength") && text.length() > property.get("maxLength").asInt()) {
          return Optional.of(
              "field '"
                  + name
                  + "' is longer than "
                  + property.get("maxLength").asInt()
                  + " characters");
        }
        if (property.has("enum")) {
          List<String> allowed = new ArrayList<>();
          property.get("enum").forEach(option -> allowed.add(option.asText()));
          if (!allowed.contains(text)) {
            return Optional.of(
                "field '"
                    + name
                    + "' is '"
                    + text
                    + "'; it must be one of "
                    + String.join(", ", allowed));
          }
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber()
            && !(value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0)) {
          return Optional.of("field '" + name + "' must be a whole number");
        }
        return bounds(name, value, property);
      }
      case "number" -> {
        if (!value.isNumber()) {
          return Optional.of("field '" + name + "' must be a number");
        }
        return bounds(name, value, property);
      }
      case "array" -> {
        if (!value.isArray()) {
          return Optional.of("field '" + name + "' must be an array");
        }
        if (property.has("minItems") && value.size() < property.get("minItems").asInt()) {
          return Optional.of(
              "field '" + name + "' needs at least " + property.get("minItems").asInt() + " item");
        }
        if (property.has("maxItems") && value.size() > property.get("maxItems").asInt()) {
          return Optional.of(
              "field '"
                  + name
                  + "' has "
                  + value.size()
                  + " items; at most "
                  + property.get("maxItems").asInt()
                  + " per call");
        }
        for (int i = 0; i < value.size(); i++) {
          Optional<String> problem =
              check(name + "[" + i + "]", value.get(i), property.get("items"));
          if (problem.isPresent()) {
            return problem;
          }
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          return Optional.of("field '" + name + "' must be true or false");
        }
      }
      default -> throw new IllegalStateException("schema type " + type + " is not supported");
    }
    return Optional.empty();
  }

  private static Optional<String> bounds(String name, JsonNode value, JsonNode property) {
    if (property.has("minimum")
        && value.decimalValue().compareTo(property.get("minimum").decimalValue()) < 0) {
      return Optional.of(
          "field '" + name + "' must be at least " + property.get("minimum").asText());
    }
    if (property.has("maximum")
        && value.decimalValue().compareTo(property.get("maximum").decimalValue()) > 0) {
      return Optional.of(
          "field '" + name + "' must be at most " + property.get("maximum").asText());
    }
    return Optional.empty();
  }
}
