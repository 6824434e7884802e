package com.gymops.application.port;

import java.util.List;
import java.util.Objects;

/**
 * The model's answer to one request.
 *
 * @param id the provider's id of the answer
 * @param stopReason why the model stopped, in the Messages API's words ({@code end_turn}, {@code
 *     tool_use}, {@code max_tokens}, {@code pause_turn}, {@code refusal}, {@code stop_sequence},
 *     {@code model_context_window_exceeded}, or one unknown to GymOps); {@code none} when the
 *     answer gave none
 */
public record LlmResponse(
    String id, String model, List<LlmContent> content, String stopReason, LlmUsage usage) {
  public LlmResponse {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(model, "model");
    content = List.copyOf(content);
    Objects.requireNonNull(stopReason, "stopReason");
    Objects.requireNonNull(usage, "usage");
  }

  /** The tool calls of the answer, in order. */
  public List<LlmContent.ToolUse> toolUses() {
    return content.stream()
        .filter(LlmContent.ToolUse.class::isInstance)
        .map(LlmContent.ToolUse.class::cast)
        .toList();
  }
}
