package com.gymops.application.port;

import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;

/**
 * The Messages API as the agent loop needs it: one non-streaming {@code messages.create} call.
 * Retries of overloaded or failed requests happen inside; a call that still fails throws {@link
 * LlmUnavailableException}. Implementations are thread-safe.
 */
public interface LlmClient {
  /**
   * @throws LlmUnavailableException when the API cannot answer after the client's retries, or
   *     rejects the request (bad key, bad request)
   */
  Message create(MessageCreateParams params);
}
