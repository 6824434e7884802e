package com.gymops.application.port;

import java.util.List;
import java.util.Objects;

/**
 * One request to the model: no sampling parameters and no tool choice (docs/ARCHITECTURE.md, Agent
 * mode, says why).
 *
 * @param system the system prompt's blocks
 * @param maxTokens the most output tokens the answer may take
 */
public record LlmRequest(
    String model,
    List<LlmContent.Text> system,
    List<LlmMessage> messages,
    List<LlmTool> tools,
    long maxTokens) {
  public LlmRequest {
    Objects.requireNonNull(model, "model");
    system = List.copyOf(system);
    messages = List.copyOf(messages);
    tools = List.copyOf(tools);
    if (maxTokens <= 0) {
      throw new IllegalArgumentException("maxTokens must be positive");
    }
  }
}
