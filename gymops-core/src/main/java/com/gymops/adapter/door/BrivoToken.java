package com.gymops.adapter.door;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.config.DoorSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Brivo's OAuth token (docs/INTEGRATIONS.md): {@code POST https://auth.brivo.com/oauth/token} with
 * the password grant of the administrator in {@code GYMOPS_BRIVO_USERNAME}/{@code _PASSWORD}, the
 * application's {@code GYMOPS_BRIVO_CLIENT_ID}/{@code _SECRET} as HTTP Basic and the {@code
 * api-key}; the answer's {@code access_token} lives {@code expires_in} seconds (five minutes), so
 * it is renewed ahead of that. Every API call then carries {@code Authorization: Bearer} and {@code
 * api-key}.
 */
final class BrivoToken extends ExpiringToken {
  private final DoorSettings.Api settings;
  private final DoorHttp http;

  BrivoToken(DoorSettings.Api settings, DoorHttp http, Clock clock) {
    super(clock);
    this.settings = settings;
    this.http = http;
  }

  @Override
  Issued issue() {
    if (!settings.missingSecrets().isEmpty()) {
      throw new DoorApiException(
          "Brivo needs " + String.join(", ", settings.missingSecrets()) + " in the environment");
    }
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (settings.clientId() + ":" + settings.clientSecret())
                    .getBytes(StandardCharsets.UTF_8));
    String form =
        "grant_type=password&username="
            + URLEncoder.encode(settings.username(), StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(settings.password(), StandardCharsets.UTF_8);
    DoorResponse response =
        http.send(
            URI.create(settings.tokenUrl()),
            "POST",
            HttpRequest.BodyPublishers.ofString(form),
            Map.of(
                "Authorization",
                "Basic " + basic,
                "api-key",
                settings.key(),
                "Content-Type",
                "application/x-www-form-urlencoded"));
    if (!response.ok()) {
      throw new DoorApiException(
          "Brivo refused the login of "
              + settings.username()
              + " ("
              + response.describe()
              + "): "
              + whatToCheck());
    }
    JsonNode token = response.json("Brivo", "POST /oauth/token");
    JsonNode access = token.path("access_token");
    JsonNode expiresIn = token.path("expires_in");
    if (!access.isTextual() || access.asText().isBlank() || !expiresIn.canConvertToLong()) {
      throw new DoorApiException("Brivo's token endpoint answered no access_token or expires_in");
    }
    return new Issued(
        access.asText(), clock().instant().plus(Duration.ofSeconds(expiresIn.asLong())));
  }

  @Override
  void sign(HttpRequest.Builder request, String token) {
    request.header("Authorization", "Bearer " + token).header("api-key", settings.key());
  }

  @Override
  public String whatToCheck() {
    return "check "
        + DoorSettings.BRIVO_CLIENT_ID_ENV
        + ", "
        + DoorSettings.BRIVO_CLIENT_SECRET_ENV
        + ", "
        + DoorSettings.BRIVO_API_KEY_ENV
        + ", "
        + DoorSettings.BRIVO_USERNAME_ENV
        + " and "
        + DoorSettings.BRIVO_PASSWORD_ENV
        + " (an administrator of the Brivo account)";
  }
}
