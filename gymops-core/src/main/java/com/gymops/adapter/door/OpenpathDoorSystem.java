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
 * Avigilon Alta (Openpath)'s API as the door (docs/INTEGRATIONS.md): calls under {@code
 * /orgs/{orgId}} with an {@link OpenpathToken}. A member's user is found with {@code GET
 * /orgs/{orgId}/users?offset=&limit=&filter=identity.email:(...)} (or {@code externalId:(...)} for
 * the club system's id), {@code {"totalCount", "data": [...]}}, each row checked again before it is
 * trusted; {@code PUT /orgs/{orgId}/users/{id}/status} {@code {"status": "S"}} suspends the user
 * ({@code "A"} makes them active again), answered 204, and {@code GET /orgs/{orgId}/users/{id}}
 * reads {@code data.status} back. The status is used rather than emptying the user's {@code
 * groupIds}, which would lose the groups an unlock must give back. Thread-safe.
 */
public final class OpenpathDoorSystem extends ApiDoorSystem {
  private final DoorHttp http;
  private final OpenpathToken token;
  private final String org;

  public OpenpathDoorSystem(
      DoorSettings.Api settings,
      DoorLinks links,
      ClubSystemLinks clubLinks,
      Sleeper sleeper,
      Clock clock) {
    super(settings, links, clubLinks, clock);
    this.http =
        new DoorHttp(
            "Openpath",
            settings.baseUrl(),
            settings.timeout(),
            settings.attempts(),
            sleeper,
            clock);
    this.token = new OpenpathToken(settings, http, clock);
    this.org = "/orgs/" + segment(settings.orgId());
  }

  @Override
  String name() {
    return "Openpath";
  }

  @Override
  Optional<String> findByEmail(String email) {
    return find("identity.email", email, user -> user.path("identity").path("email").asText(""));
  }

  @Override
  Optional<String> findByExternalId(String externalId) {
    return find("externalId", externalId, user -> user.path("externalId").asText(""));
  }

  private Optional<String> find(
      String field, String value, java.util.function.Function<JsonNode, String> read) {
    int pageSize = settings().pageSize();
    long offset = 0;
    for (int page = 0; page < MOST_PAGES; page++) {
      String path =
          org
              + "/users?offset="
              + offset
              + "&limit="
              + pageSize
              + "&filter="
              + query(field + ":(" + value + ")");
      JsonNode answer = expectOk(path).json("Openpath", "GET " + org + "/users");
      JsonNode users = answer.path("data");
      if (!users.isArray()) {
        throw new DoorApiException("Openpath answered GET " + org + "/users without its data list");
      }
      for (JsonNode user : users) {
        if (value.equalsIgnoreCase(read.apply(user))) {
          return Optional.of(user.path("id").asText());
        }
      }
      offset += users.size();
      if (users.isEmpty() || offset >= answer.path("totalCount").asLong(0)) {
        return Optional.empty();
      }
    }
    throw new DoorApiException("Openpath's user list did not end after " + MOST_PAGES + " pages");
  }

  @Override
  void admit(String userId, boolean admitted) {
    String path = org + "/users/" + segment(userId) + "/status";
    DoorResponse response = http.call("PUT", path, Map.of("status", admitted ? "A" : "S"), token);
    if (response.status() == 404) {
      throw new UserGone();
    }
    if (!response.ok()) {
      throw new DoorApiException("Openpath PUT " + path + " answered " + response.describe());
    }
  }

  @Override
  boolean admits(String userId) {
    String path = org + "/users/" + segment(userId);
    DoorResponse response = http.call("GET", path, null, token);
    if (response.status() == 404) {
      throw new UserGone();
    }
    if (!response.ok()) {
      throw new DoorApiException("Openpath GET " + path + " answered " + response.describe());
    }
    JsonNode status = response.json("Openpath", "GET " + path).path("data").path("status");
    if (!status.isTextual()) {
      throw new DoorApiException("Openpath's user " + userId + " came back without data.status");
    }
    return status.asText().equals("A");
  }

  @Override
  public String check() {
    token.renew();
    expectOk(org + "/users?offset=0&limit=1");
    return "Openpath at "
        + settings().baseUrl()
        + " logged "
        + settings().username()
        + " in and listed org "
        + settings().orgId()
        + "'s users";
  }

  private DoorResponse expectOk(String path) {
    DoorResponse response = http.call("GET", path, null, token);
    if (!response.ok()) {
      throw new DoorApiException(
          "Openpath GET " + path.replaceAll("\\?.*", "") + " answered " + response.describe());
    }
    return response;
  }
}
