package com.gymops.application.port;

/**
 * The tokens of one answer.
 *
 * @param inputTokens the input tokens neither written to nor read from the cache
 * @param cacheCreationInputTokens the input tokens written to the cache
 * @param cacheReadInputTokens the input tokens read from the cache
 */
public record LlmUsage(
    long inputTokens, long outputTokens, long cacheCreationInputTokens, long cacheReadInputTokens) {
  public LlmUsage {
    if (inputTokens < 0
        || outputTokens < 0
        || cacheCreationInputTokens < 0
        || cacheReadInputTokens < 0) {
      throw new IllegalArgumentException("token counts must not be negative");
    }
  }

  /** Every input token of the request, cached or not. */
  public long allInputTokens() {
    return inputTokens + cacheCreationInputTokens + cacheReadInputTokens;
  }
}
