package com.gymops.adapter.door;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.config.DoorSettings;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Avigilon Alta (Openpath)'s login (docs/INTEGRATIONS.md): {@code POST /auth/login} {@code
 * {"email", "password"}} from {@code GYMOPS_OPENPATH_EMAIL}/{@code _PASSWORD} answers 201 with
 * {@code data.token} and {@code data.expiresAt}; every call then carries the token itself as {@code
 * Authorization} (no "Bearer"), renewed ahead of its expiry.
 */
final class OpenpathToken extends ExpiringToken {
  private final DoorSettings.Api settings;
  private final DoorHttp http;

  OpenpathToken(DoorSettings.Api settings, DoorHttp http, Clock clock) {
    super(clock);
    this.settings = settings;
    this.http = http;
  }

  @Override
  Issued issue() {
    if (!settings.missingSecrets().isEmpty()) {
      throw new DoorApiException(
          "Openpath needs " + String.join(", ", settings.missingSecrets()) + " in the environment");
    }
    DoorResponse response =
        http.call(
            "POST",
            "/auth/login",
            Map.of("email", settings.username(), "password", settings.password()),
            NONE);
    if (!response.ok()) {
      throw new DoorApiException(
          "Openpath refused the login of "
              + settings.username()
              + " ("
              + response.describe()
              + "): "
              + whatToCheck());
    }
    JsonNode data = response.json("Openpath", "POST /auth/login").path("data");
    JsonNode token = data.path("token");
    if (!token.isTextual() || token.asText().isBlank()) {
      throw new DoorApiException("Openpath's login answered no data.token");
    }
    Instant expiresAt;
    try {
      expiresAt = Instant.parse(data.path("expiresAt").asText(""));
    } catch (DateTimeParseException e) {
      throw new DoorApiException("Openpath's login answered no data.expiresAt");
    }
    return new Issued(token.asText(), expiresAt);
  }

  @Override
  void sign(HttpRequest.Builder request, String token) {
    request.header("Authorization", token);
  }

  @Override
  public String whatToCheck() {
    return "check "
        + DoorSettings.OPENPATH_EMAIL_ENV
        + " and "
        + DoorSettings.OPENPATH_PASSWORD_ENV
        + " (an Alta/Openpath administrator of org "
        + settings.orgId()
        + " without MFA)";
  }

  /** The login call itself carries no credentials but its body's. */
  private static final DoorHttp.DoorAuth NONE =
      new DoorHttp.DoorAuth() {
        @Override
        public void sign(HttpRequest.Builder request) {}

        @Override
        public boolean renewAfterRefusal() {
          return false;
        }

        @Override
        public String whatToCheck() {
          return "check " + DoorSettings.OPENPATH_EMAIL_ENV + " and its password";
        }
      };
}
