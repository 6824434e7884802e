package com.gymops.application.tools;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What a tool call returns to the model: JSON content, and whether it is an error. An error carries
 * an {@code error} message that names the field or the rule at fault, so the model can correct
 * itself.
 *
 * @param laterContent what requests after the next one re-send in place of {@code content}: a
 *     summary of a large answer the model has already read; null to re-send it unchanged
 */
public record ToolResult(ObjectNode content, boolean isError, ObjectNode laterContent) {
  public ToolResult {
    Objects.requireNonNull(content, "content");
  }

  public ToolResult(ObjectNode content, boolean isError) {
    this(content, isError, null);
  }

  public static ToolResult ok(ObjectNode content) {
    return new ToolResult(content, false);
  }

  public static ToolResult ok(ObjectNode content, ObjectNode laterContent) {
    return new ToolResult(content, false, laterContent);
  }

  /** Whether later requests re-send a summary instead of the content. */
  public boolean summarisedLater() {
    return laterContent != null;
  }

  public static ToolResult error(String message) {
    ObjectNode content = JsonNodeFactory.instance.objectNode();
    content.put("error", message);
    return new ToolResult(content, true);
  }

  /** The error message, or null for a successful result. */
  public String error() {
    return isError && content.hasNonNull("error") ? content.get("error").asText() : null;
  }
}
