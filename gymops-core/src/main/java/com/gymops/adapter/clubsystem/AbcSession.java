package com.gymops.adapter.clubsystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.adapter.Sleeper;
import com.gymops.application.port.ClubSystemException;
import com.gymops.config.ClubSystemSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls to ABC Evo's API (docs/INTEGRATIONS.md) with the {@code app_id} and {@code app_key} headers
 * of {@code GYMOPS_ABC_APP_ID} and {@code GYMOPS_ABC_APP_KEY}. ABC has no login: a refused key (401
 * or 403 from its gateway) is the credentials' fault and says so. ABC answers its own errors as
 * HTTP 200 with the reason in {@code status.message}; those are read here too, so every caller gets
 * either a page of JSON or an exception that says why. A 429, a 5xx or no answer is tried again
 * after a doubling pause, up to the configured attempts. Thread-safe.
 */
public final class AbcSession {
  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR_BODY = 200;
  private static final String SUCCESS = "success";

  private final ClubSystemSettings.Abc settings;
  private final Sleeper sleeper;
  private final HttpClient http;

  public AbcSession(ClubSystemSettings.Abc settings, Sleeper sleeper) {
    this.settings = settings;
    this.sleeper = sleeper;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * {@code GET {base_url}{path}} (the path with its query), read as ABC's JSON.
   *
   * @throws ClubSystemException when ABC cannot be reached, refuses the credentials, keeps
   *     answering 429 or 5xx, or answers an error in {@code status.message}
   */
  public JsonNode get(String path) {
    if (!settings.hasCredentials()) {
      throw new ClubSystemException(
          "ABC Evo needs "
              + ClubSystemSettings.ABC_APP_ID_ENV
              + " and "
              + ClubSystemSettings.ABC_APP_KEY_ENV
              + " in the environment");
    }
    String what = path.replaceAll("\\?.*", "");
    HttpResponse<String> answer = withRetries(path, what);
    int status = answer.statusCode();
    if (status == 401 || status == 403) {
      throw new ClubSystemException(
          "ABC Evo refused the app_id "
              + settings.appId()
              + " (HTTP "
              + status
              + " on GET "
              + what
              + ": "
              + shortened(answer.body())
              + "): check "
              + ClubSystemSettings.ABC_APP_ID_ENV
              + " and "
              + ClubSystemSettings.ABC_APP_KEY_ENV);
    }
    if (status < 200 || status >= 300) {
      throw new ClubSystemException(
          "ABC Evo answered HTTP " + status + " for " + what + ": " + shortened(answer.body()));
    }
    JsonNode root;
    try {
      root = JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new ClubSystemException("ABC Evo answered something that is not JSON for " + what, e);
    }
    if (root == null || !root.isObject()) {
      throw new ClubSystemException("ABC Evo answered no JSON object for " + what);
    }
    JsonNode message = root.path("status").path("message");
    if (message.isTextual()
        && !message.asText().isBlank()
        && !message.asText().strip().equalsIgnoreCase(SUCCESS)) {
      throw new ClubSystemException(
          "ABC Evo answered an error for " + what + ": " + shortened(message.asText()));
    }
    return root;
  }

  /** Reads the club's own record, to check the credentials ({@code gymops doctor}). */
  public void check(String clubNumber) {
    get("/" + clubNumber + "/clubs");
  }

  private HttpResponse<String> withRetries(String path, String what) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
            .timeout(settings.timeout())
            .GET()
            .header("Accept", "application/json")
            .header("app_id", settings.appId())
            .header("app_key", settings.appKey())
            .build();
    Duration pause = FIRST_PAUSE;
    String lastError = "no attempt";
    for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
      if (attempt > 1) {
        try {
          sleeper.sleep(pause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ClubSystemException("interrupted while waiting to call ABC Evo again", e);
        }
        pause = pause.multipliedBy(2);
      }
      try {
        HttpResponse<String> answer =
            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != 429 && answer.statusCode() < 500) {
          return answer;
        }
        lastError = "HTTP " + answer.statusCode() + ": " + shortened(answer.body());
      } catch (IOException e) {
        lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClubSystemException("interrupted while calling ABC Evo", e);
      }
    }
    throw new ClubSystemException(
        "ABC Evo GET " + what + " failed after " + settings.attempts() + " attempts: " + lastError);
  }

  private static String shortened(String body) {
    String text = body == null ? "" : body.strip();
    return text.length() > MAX_ERROR_BODY ? text.substring(0, MAX_ERROR_BODY) + "..." : text;
  }
}
