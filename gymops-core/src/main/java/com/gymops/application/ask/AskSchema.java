package com.gymops.application.ask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tool's input schema, built property by property; no other property is accepted. */
final class AskSchema {
  private final Map<String, Object> properties = new LinkedHashMap<>();
  private final List<String> required = new ArrayList<>();

  static AskSchema object() {
    return new AskSchema();
  }

  AskSchema string(String name, String description, boolean mandatory) {
    return property(name, Map.of("type", "string", "description", description), mandatory);
  }

  AskSchema date(String name, String description, boolean mandatory) {
    return property(
        name, Map.of("type", "string", "format", "date", "description", description), mandatory);
  }

  AskSchema choice(String name, String description, List<String> values, boolean mandatory) {
    return property(
        name,
        Map.of("type", "string", "enum", List.copyOf(values), "description", description),
        mandatory);
  }

  AskSchema number(String name, String description, double minimum) {
    return property(
        name, Map.of("type", "number", "minimum", minimum, "description", description), false);
  }

  AskSchema integer(String name, String description, int minimum, int maximum) {
    return property(
        name,
        Map.of(
            "type", "integer", "minimum", minimum, "maximum", maximum, "description", description),
        false);
  }

  AskSchema bool(String name, String description) {
    return property(name, Map.of("type", "boolean", "description", description), false);
  }

  private AskSchema property(String name, Map<String, Object> schema, boolean mandatory) {
    properties.put(name, schema);
    if (mandatory) {
      required.add(name);
    }
    return this;
  }

  Map<String, Object> build() {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", new LinkedHashMap<>(properties));
    schema.put("required", List.copyOf(required));
    schema.put("additionalProperties", false);
    return schema;
  }
}
