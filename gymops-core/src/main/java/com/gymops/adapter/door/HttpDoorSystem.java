package com.gymops.adapter.door;

import com.gymops.adapter.Sleeper;
import com.gymops.application.port.DoorSystem;
import com.gymops.config.DoorSettings;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.Plural;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Drives a door system's REST API with two configured calls, suspend and restore one member (Kisi,
 * Brivo, Seam and the like; docs/INTEGRATIONS.md). A call that times out, cannot connect or gets
 * 408, 429 or 5xx is tried again after a growing pause, up to the configured attempts; any other
 * answer outside 2xx fails at once. Suspending or restoring twice is harmless in these APIs, which
 * is what makes retrying safe. Thread-safe.
 */
public final class HttpDoorSystem implements DoorSystem {
  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  private static final int MAX_ERROR_BODY = 200;

  private final DoorSettings.Http settings;
  private final Sleeper sleeper;
  private final Duration timeout;
  private final HttpClient http;

  public HttpDoorSystem(DoorSettings.Http settings, Sleeper sleeper) {
    this(settings, sleeper, Duration.ofSeconds(settings.timeoutSeconds()));
  }

  HttpDoorSystem(DoorSettings.Http settings, Sleeper sleeper, Duration timeout) {
    this.settings = settings;
    this.sleeper = sleeper;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public Result change(Member member, DoorAccess target) {
    DoorSettings.Call call = target.isLocked() ? settings.suspend() : settings.restore();
    HttpRequest request;
    try {
      request = request(call, member);
    } catch (IllegalArgumentException e) {
      return Result.failed("bad door call for " + member.id() + ": " + e.getMessage());
    }
    String lastError = "no attempt";
    Duration pause = FIRST_PAUSE;
    for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
      if (attempt > 1) {
        try {
          sleeper.sleep(pause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Result.failed(lastError + " (interrupted before retrying)");
        }
        pause = pause.multipliedBy(2);
      }
      try {
        HttpResponse<String> response =
            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return Result.applied();
        }
        lastError =
            call.method() + " " + request.uri().getRawPath() + " answered " + describe(response);
        if (!worthRetrying(status)) {
          return Result.failed(lastError);
        }
      } catch (IOException e) {
        lastError =
            call.method()
                + " "
                + request.uri().getRawPath()
                + " failed: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Result.failed("interrupted while calling the door system");
      }
    }
    return Result.failed(
        lastError + " (after " + Plural.of(settings.attempts(), "attempt", "attempts") + ")");
  }

  private HttpRequest request(DoorSettings.Call call, Member member) {
    String id = member.id().value();
    String url =
        fill(call.url(), URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
    HttpRequest.BodyPublisher body =
        call.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(fill(call.body(), jsonEscaped(id)));
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .method(call.method(), body)
            .header("Accept", "application/json");
    boolean hasContentType = false;
    boolean hasAuthorization = false;
    for (var header : settings.headers().entrySet()) {
      builder.header(header.getKey(), header.getValue());
      String name = header.getKey().toLowerCase(Locale.ROOT);
      hasContentType |= name.equals("content-type");
      hasAuthorization |= name.equals("authorization");
    }
    if (call.body() != null && !hasContentType) {
      builder.header("Content-Type", "application/json");
    }
    if (settings.token() != null && !hasAuthorization) {
      builder.header("Authorization", "Bearer " + settings.token());
    }
    return builder.build();
  }

  /**
   * GymOps has no separate door-system id yet, so {@code {external_id}} is the member id too
   * (docs/INTEGRATIONS.md): a door system keyed by its own ids needs the club-system sync.
   */
  private static String fill(String template, String id) {
    return template.replace("{member_id}", id).replace("{external_id}", id);
  }

  private static String jsonEscaped(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static boolean worthRetrying(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  private static String describe(HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body().strip();
    if (body.length() > MAX_ERROR_BODY) {
      body = body.substring(0, MAX_ERROR_BODY) + "...";
    }
    return "HTTP " + response.statusCode() + (body.isEmpty() ? "" : ": " + body);
  }
}
