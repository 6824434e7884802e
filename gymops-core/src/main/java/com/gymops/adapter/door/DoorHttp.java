package com.gymops.adapter.door;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.adapter.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP conversation with one door system's API: every call signed by its {@link DoorAuth}, a
 * 401 answered by renewing the credentials once, and a 429, a 5xx or no answer tried again after 1
 * s, 2 s, 4 s ... (through the {@link Sleeper}), or after the {@code Retry-After} the system asked
 * for when that is longer, up to the configured attempts. A system asking to wait more than {@link
 * #LONGEST_WAIT} is not waited for: the run moves on and the next one asks again. Repeating a call
 * is safe because every change GymOps asks of a door system sets a state (suspended, not "toggle").
 * Thread-safe.
 */
final class DoorHttp {
  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How a door system is told who calls. */
  interface DoorAuth {
    /** Adds the credentials' headers, obtaining a token first when none is valid. */
    void sign(HttpRequest.Builder request);

    /**
     * Drops the credentials a 401 refused; whether fresh ones may be worth a second try (a fixed
     * key is not).
     */
    boolean renewAfterRefusal();

    /** What to check when the system refuses the credentials, for the manager. */
    String whatToCheck();
  }

  private final String system;
  private final String baseUrl;
  private final Duration timeout;
  private final int attempts;
  private final Sleeper sleeper;
  private final Clock clock;
  private final HttpClient http;

  DoorHttp(
      String system, String baseUrl, Duration timeout, int attempts, Sleeper sleeper, Clock clock) {
    this.system = system;
    this.baseUrl = baseUrl;
    this.timeout = timeout;
    this.attempts = attempts;
    this.sleeper = sleeper;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  String system() {
    return system;
  }

  /**
   * Calls {@code path} (from the API's root, with its query) as {@code auth} allows.
   *
   * @param json the request body, written as JSON, or null
   * @throws DoorApiException when the system cannot be reached, refuses the credentials, or keeps
   *     answering 429 or 5xx
   */
  DoorResponse call(String method, String path, Object json, DoorAuth auth) {
    boolean renewed = false;
    while (true) {
      HttpRequest.Builder request = builder(URI.create(baseUrl + path), method, body(json), json);
      auth.sign(request);
      DoorResponse response = send(request.build(), method + " " + withoutQuery(path));
      if (response.status() != 401) {
        return response;
      }
      if (renewed || !auth.renewAfterRefusal()) {
        throw new DoorApiException(
            system
                + " refused GymOps' credentials ("
                + response.describe()
                + " on "
                + method
                + " "
                + withoutQuery(path)
                + "): "
                + auth.whatToCheck());
      }
      renewed = true;
    }
  }

  /** Sends a request built elsewhere (a token endpoint), with the same retries. */
  DoorResponse send(URI uri, String method, HttpRequest.BodyPublisher body, Map<String, String> h) {
    HttpRequest.Builder request = builder(uri, method, body, null);
    h.forEach(request::header);
    return send(request.build(), method + " " + uri.getRawPath());
  }

  private HttpRequest.Builder builder(
      URI uri, String method, HttpRequest.BodyPublisher body, Object json) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .method(method, body)
            .header("Accept", "application/json");
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    return builder;
  }

  private static HttpRequest.BodyPublisher body(Object json) {
    if (json == null) {
      return HttpRequest.BodyPublishers.noBody();
    }
    try {
      return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the request body", e);
    }
  }

  private DoorResponse send(HttpRequest request, String what) {
    Duration pause = FIRST_PAUSE;
    String lastError = "no attempt";
    for (int attempt = 1; attempt <= attempts; attempt++) {
      Duration asked = Duration.ZERO;
      try {
        HttpResponse<String> answer =
            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        DoorResponse response = new DoorResponse(answer.statusCode(), answer.body());
        if (response.status() != 429 && response.status() < 500) {
          return response;
        }
        lastError = response.describe();
        asked = retryAfter(answer).orElse(Duration.ZERO);
        if (asked.compareTo(LONGEST_WAIT) > 0) {
          throw new DoorApiException(
              system
                  + " answered "
                  + what
                  + " with "
                  + lastError
                  + " and asks GymOps to wait "
                  + asked.toSeconds()
                  + " s: the next run asks again");
        }
      } catch (IOException e) {
        lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DoorApiException("interrupted while calling " + system);
      }
      if (attempt < attempts) {
        try {
          sleeper.sleep(asked.compareTo(pause) > 0 ? asked : pause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new DoorApiException("interrupted while waiting to call " + system + " again");
        }
        pause = pause.multipliedBy(2);
      }
    }
    throw new DoorApiException(
        system + " " + what + " failed after " + attempts + " attempts: " + lastError);
  }

  /** {@code Retry-After} in seconds or as an HTTP date (RFC 9110, 10.2.3). */
  private Optional<Duration> retryAfter(HttpResponse<String> answer) {
    Optional<String> header = answer.headers().firstValue("Retry-After").map(String::strip);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get();
    if (value.matches("[0-9]{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String withoutQuery(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }
}
