package com.gymops.adapter.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.adapter.Sleeper;
import com.gymops.application.port.PaymentProviderException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

/**
 * One call to a payment provider's API, retried on 429, 5xx and an unanswered request (twice, one
 * then two seconds apart, through the {@link Sleeper}); any other answer but 200 is the provider's
 * error, read by {@code errorText} from its JSON. A POST is retried only because it carries an
 * idempotency key: the provider answers its retry with the first call's result.
 */
final class ProviderHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 3;
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final HttpClient http;
  private final Sleeper sleeper;
  private final String provider;

  ProviderHttp(String provider, Sleeper sleeper) {
    this.provider = provider;
    this.sleeper = sleeper;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** The 200 body as JSON, or null for a 404. */
  JsonNode get(HttpRequest.Builder request, String url, Function<JsonNode, String> errorText) {
    return send(request.uri(URI.create(url)).timeout(TIMEOUT).GET().build(), errorText, true);
  }

  /** POSTs {@code body} (JSON); the 200 body as JSON. */
  JsonNode post(
      HttpRequest.Builder request,
      String url,
      JsonNode body,
      Function<JsonNode, String> errorText) {
    String text;
    try {
      text = JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a request as JSON", e);
    }
    return send(
        request
            .uri(URI.create(url))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(text))
            .build(),
        errorText,
        false);
  }

  private JsonNode send(
      HttpRequest built, Function<JsonNode, String> errorText, boolean notFoundIsNull) {
    String last = "no answer";
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      HttpResponse<String> response;
      try {
        response = http.send(built, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        last = "cannot reach " + provider + ": " + e.getClass().getSimpleName();
        pause(attempt);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PaymentProviderException("interrupted while asking " + provider);
      }
      int status = response.statusCode();
      if (status == 200) {
        return read(response.body());
      }
      if (status == 404 && notFoundIsNull) {
        return null;
      }
      last =
          provider + " answered " + status + ": " + errorText.apply(readQuietly(response.body()));
      if (status != 429 && status < 500) {
        throw new PaymentProviderException(last);
      }
      pause(attempt);
    }
    throw new PaymentProviderException(last + " (after " + ATTEMPTS + " tries)");
  }

  private void pause(int attempt) {
    if (attempt == ATTEMPTS) {
      return;
    }
    try {
      sleeper.sleep(Duration.ofSeconds(attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PaymentProviderException("interrupted while asking " + provider);
    }
  }

  private JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new PaymentProviderException(provider + " answered 200 with a body that is not JSON");
    }
  }

  private static JsonNode readQuietly(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node == null ? JSON.createObjectNode() : node;
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
