package com.gymops.adapter.door;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.adapter.Sleeper;
import com.gymops.application.port.store.ClubSystemLinks;
import com.gymops.application.port.store.DoorLinks;
import com.gymops.config.DoorSettings;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Kisi's API as the door (docs/INTEGRATIONS.md; help.kisi.io/platform/apis): every call carries
 * {@code Authorization: KISI-LOGIN <key>} from {@code GYMOPS_KISI_API_KEY}; a member's user is
 * found by email with {@code GET /users?query=...&limit=&offset=} (a bare array, paged until a
 * short page), kept, and changed with {@code PATCH /users/{id}} {@code {"user": {"access_enabled":
 * false}}} (true to let them in); {@code GET /users/{id}} reads {@code access_enabled} back. Kisi's
 * users carry no external id, so only {@code match: email} applies. A 401 is the key's fault: no
 * renewal. Thread-safe.
 */
public final class KisiDoorSystem extends ApiDoorSystem {
  private final DoorHttp http;
  private final DoorHttp.DoorAuth auth;

  public KisiDoorSystem(
      DoorSettings.Api settings,
      DoorLinks links,
      ClubSystemLinks clubLinks,
      Sleeper sleeper,
      Clock clock) {
    super(settings, links, clubLinks, clock);
    this.http =
        new DoorHttp(
            "Kisi", settings.baseUrl(), settings.timeout(), settings.attempts(), sleeper, clock);
    this.auth = new KisiLogin(settings.key());
  }

  private record KisiLogin(String key) implements DoorHttp.DoorAuth {
    @Override
    public void sign(HttpRequest.Builder request) {
      if (key == null) {
        throw new DoorApiException(
            "Kisi needs " + DoorSettings.KISI_API_KEY_ENV + " in the environment");
      }
      request.header("Authorization", "KISI-LOGIN " + key);
    }

    @Override
    public boolean renewAfterRefusal() {
      return false;
    }

    @Override
    public String whatToCheck() {
      return "check that "
          + DoorSettings.KISI_API_KEY_ENV
          + " is an API key of an administrator of the organization (Kisi: My Account, API)";
    }
  }

  @Override
  String name() {
    return "Kisi";
  }

  @Override
  Optional<String> findByEmail(String email) {
    int pageSize = settings().pageSize();
    for (int page = 0; page < MOST_PAGES; page++) {
      String path =
          "/users?query="
              + query(email)
              + "&limit="
              + pageSize
              + "&offset="
              + (long) page * pageSize;
      JsonNode users = expectOk("GET", path, null).json("Kisi", "GET /users");
      if (!users.isArray()) {
        throw new DoorApiException("Kisi answered GET /users with something else than a list");
      }
      for (JsonNode user : users) {
        if (email.equalsIgnoreCase(user.path("email").asText(""))) {
          return Optional.of(user.path("id").asText());
        }
      }
      if (users.size() < pageSize) {
        return Optional.empty();
      }
    }
    throw new DoorApiException("Kisi's user list did not end after " + MOST_PAGES + " pages");
  }

  @Override
  Optional<String> findByExternalId(String externalId) {
    throw new IllegalStateException("Kisi's users carry no external id");
  }

  @Override
  void admit(String userId, boolean admitted) {
    String path = "/users/" + segment(userId);
    DoorResponse response =
        http.call("PATCH", path, Map.of("user", Map.of("access_enabled", admitted)), auth);
    if (response.status() == 404) {
      throw new UserGone();
    }
    if (!response.ok()) {
      throw new DoorApiException("Kisi PATCH " + path + " answered " + response.describe());
    }
  }

  @Override
  boolean admits(String userId) {
    String path = "/users/" + segment(userId);
    DoorResponse response = http.call("GET", path, null, auth);
    if (response.status() == 404) {
      throw new UserGone();
    }
    if (!response.ok()) {
      throw new DoorApiException("Kisi GET " + path + " answered " + response.describe());
    }
    JsonNode enabled = response.json("Kisi", "GET " + path).path("access_enabled");
    if (!enabled.isBoolean()) {
      throw new DoorApiException("Kisi's user " + userId + " came back without access_enabled");
    }
    return enabled.asBoolean();
  }

  @Override
  public String check() {
    expectOk("GET", "/users?limit=1&offset=0", null);
    return "Kisi at " + settings().baseUrl() + " accepted the API key and listed users";
  }

  private DoorResponse expectOk(String method, String path, Object json) {
    DoorResponse response = http.call(method, path, json, auth);
    if (!response.ok()) {
      throw new DoorApiException(
          "Kisi "
              + method
              + " "
              + path.replaceAll("\\?.*", "")
              + " answered "
              + response.describe());
    }
    return response;
  }
}
