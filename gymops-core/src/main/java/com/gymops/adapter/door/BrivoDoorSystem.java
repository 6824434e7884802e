package com.gymops.adapter.door;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.adapter.Sleeper;
import com.gymops.application.port.store.ClubSystemLinks;
import com.gymops.application.port.store.DoorLinks;
import com.gymops.config.DoorSettings;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Brivo Access' API as the door (docs/INTEGRATIONS.md): calls under {@code /v1/api} with a {@link
 * BrivoToken} and the {@code api-key}. A member's user is found by email in {@code GET
 * /v1/api/users?offset=&pageSize=} ({@code {"data": [...], "offset", "pageSize", "count"}}, each
 * user's {@code emails[].address}), or by the club system's id of the member with {@code GET
 * /v1/api/users/{externalId}/external}; {@code PUT /v1/api/users/{id}/suspended} {@code
 * {"suspended": true}} keeps them out (false lets them in) and {@code GET /v1/api/users/{id}} reads
 * {@code suspended} back. Thread-safe.
 */
public final class BrivoDoorSystem extends ApiDoorSystem {
  private static final String API = "/v1/api";

  private final DoorHttp http;
  private final BrivoToken token;

  public BrivoDoorSystem(
      DoorSettings.Api settings,
      DoorLinks links,
      ClubSystemLinks clubLinks,
      Sleeper sleeper,
      Clock clock) {
    super(settings, links, clubLinks, clock);
    this.http =
        new DoorHttp(
            "Brivo", settings.baseUrl(), settings.timeout(), settings.attempts(), sleeper, clock);
    DoorHttp tokens =
        new DoorHttp(
            "Brivo", settings.tokenUrl(), settings.timeout(), settings.attempts(), sleeper, clock);
    this.token = new BrivoToken(settings, tokens, clock);
  }

  @Override
  String name() {
    return "Brivo";
  }

  @Override
  Optional<String> findByEmail(String email) {
    int pageSize = settings().pageSize();
    long offset = 0;
    for (int page = 0; page < MOST_PAGES; page++) {
      JsonNode answer =
          expectOk("GET", API + "/users?offset=" + offset + "&pageSize=" + pageSize)
              .json("Brivo", "GET /v1/api/users");
      JsonNode users = answer.path("data");
      if (!users.isArray()) {
        throw new DoorApiException("Brivo answered GET /v1/api/users without its data list");
      }
      for (JsonNode user : users) {
        for (JsonNode address : user.path("emails")) {
          if (email.equalsIgnoreCase(address.path("address").asText(""))) {
            return Optional.of(user.path("id").asText());
          }
        }
      }
      offset += users.size();
      if (users.isEmpty() || offset >= answer.path("count").asLong(0)) {
        return Optional.empty();
      }
    }
    throw new DoorApiException("Brivo's user list did not end after " + MOST_PAGES + " pages");
  }

  @Override
  Optional<String> findByExternalId(String externalId) {
    String path = API + "/users/" + segment(externalId) + "/external";
    DoorResponse response = http.call("GET", path, null, token);
    if (response.status() == 404) {
      return Optional.empty();
    }
    if (!response.ok()) {
      throw new DoorApiException("Brivo GET " + path + " answered " + response.describe());
    }
    return Optional.of(response.json("Brivo", "GET " + path).path("id").asText());
  }

  @Override
  void admit(String userId, boolean admitted) {
    String path = API + "/users/" + segment(userId) + "/suspended";
    DoorResponse response = http.call("PUT", path, Map.of("suspended", !admitted), token);
    if (response.status() == 404) {
      throw new UserGone();
    }
    if (!response.ok()) {
      throw new DoorApiException("Brivo PUT " + path + " answered " + response.describe());
    }
  }

  @Override
  boolean admits(String userId) {
    String path = API + "/users/" + segment(userId);
    DoorResponse response = http.call("GET", path, null, token);
    if (response.status() == 404) {
      throw new UserGone();
    }
    if (!response.ok()) {
      throw new DoorApiException("Brivo GET " + path + " answered " + response.describe());
    }
    JsonNode suspended = response.json("Brivo", "GET " + path).path("suspended");
    if (!suspended.isBoolean()) {
      throw new DoorApiException("Brivo's user " + userId + " came back without suspended");
    }
    return !suspended.asBoolean();
  }

  @Override
  public String check() {
    token.renew();
    expectOk("GET", API + "/users?offset=0&pageSize=1");
    return "Brivo at "
        + settings().baseUrl()
        + " gave "
        + settings().username()
        + " a token and listed users";
  }

  private DoorResponse expectOk(String method, String path) {
    DoorResponse response = http.call(method, path, null, token);
    if (!response.ok()) {
      throw new DoorApiException(
          "Brivo "
              + method
              + " "
              + path.replaceAll("\\?.*", "")
              + " answered "
              + response.describe());
    }
    return response;
  }
}
