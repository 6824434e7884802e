package com.gymops.integrations.llm;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.errors.AnthropicException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.gymops.agent.LlmClient;
import com.gymops.agent.LlmUnavailableException;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link LlmClient} on the Anthropic Java SDK. Retries (408, 409, 429, 5xx including 529
 * overloaded, connection errors, honouring retry-after) and the timeout are set here, explicitly,
 * rather than left to the SDK's defaults, because they bound how long a scheduled run can wait.
 * Thread-safe; close it to release the connection pool.
 */
public final class AnthropicLlmClient implements LlmClient, AutoCloseable {
  private final AnthropicClient client;

  /**
   * @param baseUrl the API's address; null for the SDK's default (api.anthropic.com)
   */
  public AnthropicLlmClient(String apiKey, String baseUrl, int maxRetries, Duration timeout) {
    Objects.requireNonNull(apiKey, "apiKey");
    AnthropicOkHttpClient.Builder builder =
        AnthropicOkHttpClient.builder().apiKey(apiKey).maxRetries(maxRetries).timeout(timeout);
    if (baseUrl != null) {
      builder.baseUrl(baseUrl);
    }
    this.client = builder.build();
  }

  @Override
  public Message create(MessageCreateParams params) {
    try {
      return client.messages().create(params);
    } catch (AnthropicServiceException e) {
      throw new LlmUnavailableException(
          e.statusCode(), "HTTP " + e.statusCode() + ": " + e.getMessage(), e);
    } catch (AnthropicException e) {
      throw new LlmUnavailableException(0, e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
