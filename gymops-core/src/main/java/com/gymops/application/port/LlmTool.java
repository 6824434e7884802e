package com.gymops.application.port;

import java.util.Objects;

/**
 * A tool as the model is offered it.
 *
 * @param inputSchemaJson the JSON Schema of its input, as text
 */
public record LlmTool(String name, String description, String inputSchemaJson) {
  public LlmTool {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(inputSchemaJson, "inputSchemaJson");
  }
}
