package com.gymops.adapter.llm;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.errors.AnthropicException;
import com.anthropic.errors.AnthropicInvalidDataException;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.NotFoundException;
import com.anthropic.models.messages.Message;
import com.anthropic.models.models.ModelInfo;
import com.gymops.application.port.LlmClient;
import com.gymops.application.port.LlmRequest;
import com.gymops.application.port.LlmResponse;
import com.gymops.application.port.LlmUnavailableException;
import com.gymops.application.port.LlmUnavailableException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link LlmClient} on the Anthropic Java SDK. Retries (408, 409, 429, 5xx including 529
 * overloaded, connection errors, honouring retry-after) and the timeout are set here, explicitly,
 * rather than left to the SDK's defaults, because they bound how long a scheduled run can wait.
 * GymOps's records go to and come from the SDK's types in {@link MessagesMapping}; no SDK type
 * leaves this package. Thread-safe; close it to release the connection pool.
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
  public LlmResponse create(LlmRequest request) {
    Message message;
    try {
      message = client.messages().create(MessagesMapping.params(request));
    } catch (AnthropicServiceException e) {
      throw new LlmUnavailableException(
          reason(e.statusCode()),
          e.statusCode(),
          "HTTP " + e.statusCode() + ": " + e.getMessage(),
          e);
    } catch (AnthropicInvalidDataException e) {
      throw new LlmUnavailableException(Reason.UNREADABLE_ANSWER, 0, e.getMessage(), e);
    } catch (AnthropicIoException e) {
      throw new LlmUnavailableException(Reason.NO_ANSWER, 0, e.getMessage(), e);
    } catch (AnthropicException e) {
      throw new LlmUnavailableException(Reason.NO_ANSWER, 0, e.getMessage(), e);
    }
    return MessagesMapping.response(message);
  }

  /** The SDK has already retried 408, 409, 429 and 5xx by the time one of them arrives here. */
  static Reason reason(int status) {
    if (status == 429 || status == 529) {
      return Reason.OVERLOADED;
    }
    if (status == 408) {
      return Reason.NO_ANSWER;
    }
    return status >= 500 ? Reason.PROVIDER_ERROR : Reason.REJECTED;
  }

  /**
   * Asks the Models API about the configured model: a warning when it is unknown, retired, or
   * retires within {@code warnAhead} of {@code now}; empty when it is fine. A check that cannot be
   * made is a warning too, never a failure: the runs fall back to the rules if the model is really
   * gone.
   */
  public Optional<String> checkModel(String model, Instant now, Duration warnAhead) {
    ModelInfo info;
    try {
      info = client.models().retrieve(model);
    } catch (NotFoundException e) {
      return Optional.of(
          "agent.model '"
              + model
              + "' is not a model of the Anthropic API: agent runs will fall back to the rules;"
              + " set agent.model to a current model id");
    } catch (AnthropicException e) {
      return Optional.of("could not check agent.model '" + model + "': " + e.getMessage());
    }
    Optional<Instant> retires;
    String lifecycle;
    try {
      retires = info.retiresAt().map(OffsetDateTime::toInstant);
      // Optional in practice: an answer without it (or with a value this SDK does not know) says
      // nothing about retirement, and must not stop serve from starting.
      lifecycle = info._lifecycle().asKnown().map(known -> known.asString()).orElse("");
    } catch (AnthropicException e) {
      return Optional.of("could not check agent.model '" + model + "': " + e.getMessage());
    }
    if (lifecycle.equals("retired") || retires.filter(at -> !at.isAfter(now)).isPresent()) {
      return Optional.of(
          "agent.model '" + model + "' is retired: agent runs will fall back to the rules");
    }
    if (retires.filter(at -> at.isBefore(now.plus(warnAhead))).isPresent()) {
      return Optional.of(
          "agent.model '"
              + model
              + "' retires on "
              + retires.get()
              + " ("
              + Duration.between(now, retires.get()).toDays()
              + " days): move agent.model to a current model before then");
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    client.close();
  }
}
