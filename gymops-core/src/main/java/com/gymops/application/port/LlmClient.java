package com.gymops.application.port;

/**
 * The model as the agent loop needs it: one request, one whole (non-streamed) answer. Retries of
 * overloaded or failed requests happen inside; a call that still fails throws {@link
 * LlmUnavailableException}. Implementations are thread-safe.
 */
public interface LlmClient {
  /**
   * @throws LlmUnavailableException when the provider cannot answer after the client's retries,
   *     rejects the request (bad key, bad request), or answers with what GymOps cannot read
   */
  LlmResponse create(LlmRequest request);
}
