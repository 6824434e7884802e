package com.gymops.application.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Builds a tool's input schema: an object with named properties, the required ones listed, and no
 * other fields allowed. Only the subset {@link InputCheck} enforces is offered, so what the model
 * is told and what the handler accepts cannot drift apart.
 */
final class InputSchema {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ObjectNode schema = JSON.objectNode();
  private final ObjectNode properties;
  private final ArrayNode required;

  private InputSchema() {
    schema.put("type", "object");
    properties = schema.putObject("properties");
    required = schema.putArray("required");
    schema.put("additionalProperties", false);
  }

  static InputSchema object() {
    return new InputSchema();
  }

  InputSchema memberId() {
    return string("member_id", "The member's id, e.g. M000042.", true);
  }

  InputSchema string(String name, String description, boolean isRequired) {
    ObjectNode property = property(name, "string", description, isRequired);
    property.put("minLength", 1);
    return this;
  }

  InputSchema text(String name, String description, int maxLength, boolean isRequired) {
    ObjectNode property = property(name, "string", description, isRequired);
    property.put("minLength", 1);
    property.put("maxLength", maxLength);
    return this;
  }

  InputSchema enumeration(
      String name, String description, List<String> values, boolean isRequired) {
    ObjectNode property = property(name, "string", description, isRequired);
    ArrayNode allowed = property.putArray("enum");
    values.forEach(allowed::add);
    return this;
  }

  InputSchema integer(String name, String description, long minimum, long maximum, boolean req) {
    ObjectNode property = property(name, "integer", description, req);
    property.put("minimum", minimum);
    property.put("maximum", maximum);
    return this;
  }

  InputSchema number(String name, String description, double minimum, boolean isRequired) {
    ObjectNode property = property(name, "number", description, isRequired);
    property.put("minimum", minimum);
    return this;
  }

  InputSchema memberIds(String name, String description, int maxItems) {
    ObjectNode property = property(name, "array", description, true);
    property.put("minItems", 1);
    property.put("maxItems", maxItems);
    ObjectNode items = property.putObject("items");
    items.put("type", "string");
    items.put("minLength", 1);
    return this;
  }

  /** The {@code offset} and {@code limit} of a paginated list. */
  InputSchema paging() {
    integer("offset", "How many items to skip; default 0.", 0, Integer.MAX_VALUE, false);
    return integer(
        "limit",
        "How many items to return; default and maximum " + Paging.MAX_LIMIT + ".",
        1,
        Paging.MAX_LIMIT,
        false);
  }

  ObjectNode build() {
    return schema.deepCopy();
  }

  private ObjectNode property(String name, String type, String description, boolean isRequired) {
    ObjectNode property = properties.putObject(name);
    property.put("type", type);
    property.put("description", description);
    if (isRequired) {
      required.add(name);
    }
    return property;
  }
}
