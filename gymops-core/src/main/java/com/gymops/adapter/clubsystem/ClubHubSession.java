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
import java.util.Map;

/**
 * A logged-in conversation with ClubHub's API (docs/INTEGRATIONS.md): {@code POST /api/login} with
 * the credentials of {@code GYMOPS_CLUBHUB_USERNAME} and {@code GYMOPS_CLUBHUB_PASSWORD} gives a
 * token, sent as a Bearer token beside {@code API-version: 1}. A 401 logs in again once; a second
 * 401 is the credentials' fault and says so. A 429, a 5xx or no answer is tried again after a
 * doubling pause, up to the configured attempts. Shared by the pull and the door's bans.
 * Thread-safe.
 */
public final class ClubHubSession {
  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR_BODY = 200;

  /** An answer outside the retried ones: the caller reads its status. */
  public record Response(int status, String body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** ClubHub's error text ({@code message}), else the body itself, shortened. */
    public String error() {
      String text = body == null ? "" : body.strip();
      try {
        JsonNode message = JSON.readTree(text).path("message");
        if (message.isTextual()) {
          text = message.asText();
        }
      } catch (IOException | RuntimeException e) {
        // not JSON: the body as it is
      }
      return text.length() > MAX_ERROR_BODY ? text.substring(0, MAX_ERROR_BODY) + "..." : text;
    }
  }

  private final ClubSystemSettings.ClubHub settings;
  private final Sleeper sleeper;
  private final HttpClient http;
  private String token;

  public ClubHubSession(ClubSystemSettings.ClubHub settings, Sleeper sleeper) {
    this.settings = settings;
    this.sleeper = sleeper;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Calls {@code path} (from the host, with its query) as the logged-in user.
   *
   * @param json the request body, or null
   * @throws ClubSystemException when ClubHub cannot be reached, refuses the credentials, or keeps
   *     answering 429 or 5xx
   */
  public Response call(String method, String path, Object json) {
    boolean renewed = false;
    while (true) {
      String bearer = token();
      Response response = withRetries(method, path, json, bearer);
      if (response.status() != 401) {
        return response;
      }
      forget(bearer);
      if (renewed) {
        throw new ClubSystemException(
            "ClubHub refused a fresh token for "
                + settings.username()
                + " (HTTP 401 on "
                + method
                + " "
                + path
                + "): check that the user of GYMOPS_CLUBHUB_USERNAME may read this club");
      }
      renewed = true;
    }
  }

  /** Logs in now, to check the credentials ({@code gymops doctor}). */
  public void login() {
    synchronized (this) {
      token = null;
    }
    token();
  }

  private synchronized String token() {
    if (token != null) {
      return token;
    }
    if (!settings.hasCredentials()) {
      throw new ClubSystemException(
          "ClubHub needs "
              + ClubSystemSettings.CLUBHUB_USERNAME_ENV
              + " and "
              + ClubSystemSettings.CLUBHUB_PASSWORD_ENV
              + " in the environment");
    }
    Response response =
        withRetries(
            "POST",
            "/api/login",
            Map.of("username", settings.username(), "password", settings.password()),
            null);
    if (!response.ok()) {
      throw new ClubSystemException(
          "ClubHub refused the login of "
              + settings.username()
              + " (HTTP "
              + response.status()
              + ": "
              + response.error()
              + "): check "
              + ClubSystemSettings.CLUBHUB_USERNAME_ENV
              + " and "
              + ClubSystemSettings.CLUBHUB_PASSWORD_ENV);
    }
    JsonNode accessToken;
    try {
      accessToken = JSON.readTree(response.body()).path("accessToken");
    } catch (IOException e) {
      throw new ClubSystemException("ClubHub's login answered something that is not JSON", e);
    }
    if (!accessToken.isTextual() || accessToken.asText().isBlank()) {
      throw new ClubSystemException("ClubHub's login answered no accessToken");
    }
    token = accessToken.asText();
    return token;
  }

  private synchronized void forget(String bearer) {
    if (bearer != null && bearer.equals(token)) {
      token = null;
    }
  }

  private Response withRetries(String method, String path, Object json, String bearer) {
    HttpRequest request = request(method, path, json, bearer);
    Duration pause = FIRST_PAUSE;
    String lastError = "no attempt";
    for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
      if (attempt > 1) {
        try {
          sleeper.sleep(pause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ClubSystemException("interrupted while waiting to call ClubHub again", e);
        }
        pause = pause.multipliedBy(2);
      }
      try {
        HttpResponse<String> answer =
            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Response response = new Response(answer.statusCode(), answer.body());
        if (response.status() != 429 && response.status() < 500) {
          return response;
        }
        lastError = "HTTP " + response.status() + ": " + response.error();
      } catch (IOException e) {
        lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClubSystemException("interrupted while calling ClubHub", e);
      }
    }
    throw new ClubSystemException(
        "ClubHub "
            + method
            + " "
            + path.replaceAll("\\?.*", "")
            + " failed after "
            + settings.attempts()
            + " attempts: "
            + lastError);
  }

  private HttpRequest request(String method, String path, Object json, String bearer) {
    HttpRequest.BodyPublisher body;
    try {
      body =
          json == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write the request to ClubHub", e);
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
            .timeout(settings.timeout())
            .method(method, body)
            .header("Accept", "application/json")
            .header("API-version", "1");
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    return builder.build();
  }
}
