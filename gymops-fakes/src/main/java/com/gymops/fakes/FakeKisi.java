package com.gymops.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kisi's REST API (api.kisi.io) on loopback, to its public documentation: the API guides at
 * help.kisi.io/platform/apis (how_to_guides/manage_users/add_remove_users: {@code Authorization:
 * KISI-LOGIN <API_KEY>}, the user object {@code id}, {@code email}, {@code name}, {@code
 * confirmed}, and the {@code {"user": {...}}} envelope of writes) and the public reading of the
 * users endpoint's paging in airbytehq/airbyte's source-kisi manifest ({@code GET /users} answers a
 * bare array, paged by {@code limit} and {@code offset}):
 *
 * <ul>
 *   <li>{@code GET /users?query=&limit=&offset=}: the users whose email or name contains {@code
 *       query} (without case), in id order, with {@code X-Collection-Range: first-last/total}.
 *   <li>{@code GET /users/{id}}: the user with {@code access_enabled}; 404 when unknown.
 *   <li>{@code PATCH /users/{id}} {@code {"user": {"access_enabled": bool}}}: 204 No Content.
 *   <li>A missing or wrong key: 401. Error bodies are {@code {"code": ..., "message": ...}} (the
 *       fake's own: the guides show no error body).
 * </ul>
 *
 * Tests script 429s (with Retry-After) and 5xx ahead of any request, and can make the next changes
 * be accepted yet not applied, to prove GymOps reads a change back. Thread-safe.
 */
public final class FakeKisi extends LoopbackApi {
  public static final String API_KEY = "kisi-api-key-0123456789";

  private static final Pattern USER = Pattern.compile("/users/([^/]+)");

  private final Map<Long, Map<String, Object>> users = new LinkedHashMap<>();
  private long nextId = 4_000;
  private int ignoredChanges;

  private FakeKisi(Clock clock) {
    super(clock);
  }

  public static FakeKisi start() {
    return new FakeKisi(Clock.systemUTC());
  }

  /** A user of the organization, admitted; answers its id. */
  public synchronized long addUser(String email, String name) {
    long id = nextId++;
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", id);
    user.put("name", name);
    user.put("email", email);
    user.put("confirmed", true);
    user.put("access_enabled", true);
    users.put(id, user);
    return id;
  }

  public synchronized boolean accessEnabled(long id) {
    return Boolean.TRUE.equals(users.get(id).get("access_enabled"));
  }

  public synchronized void removeUser(long id) {
    users.remove(id);
  }

  /** The next {@code count} changes answer 204 but change nothing. */
  public synchronized FakeKisi ignoreNextChanges(int count) {
    ignoredChanges += count;
    return this;
  }

  @Override
  boolean isLogin(Request request) {
    return false;
  }

  @Override
  boolean authorized(Request request) {
    return ("KISI-LOGIN " + API_KEY).equals(request.headers().get("authorization"));
  }

  @Override
  Answer refusal(Request request) {
    return new Answer(401, error("000401", "Unauthorized"));
  }

  @Override
  Object errorBody(int status) {
    return error(
        "000" + status, status == 429 ? "Too many requests" : "Something went wrong on our side");
  }

  @Override
  Answer answer(Request request) throws IOException {
    if (request.path().equals("/users") && request.method().equals("GET")) {
      return list(request.query());
    }
    Matcher user = USER.matcher(request.path());
    if (!user.matches()) {
      return new Answer(404, error("000404", "Not found"));
    }
    Map<String, Object> found;
    try {
      found = users.get(Long.parseLong(decode(user.group(1))));
    } catch (NumberFormatException e) {
      found = null;
    }
    if (found == null) {
      return new Answer(404, error("000404", "User not found"));
    }
    return switch (request.method()) {
      case "GET" -> new Answer(200, found);
      case "PATCH" -> change(found, request.body());
      default -> new Answer(405, error("000405", "Method not allowed"));
    };
  }

  private Answer list(Map<String, String> query) {
    int limit = number(query, "limit", 10);
    int offset = number(query, "offset", 0);
    if (limit < 1 || limit > 250 || offset < 0) {
      return new Answer(422, error("000422", "limit or offset is invalid"));
    }
    String text = query.getOrDefault("query", "").toLowerCase(Locale.ROOT);
    List<Map<String, Object>> matching = new ArrayList<>();
    for (Map<String, Object> user : users.values()) {
      String email = String.valueOf(user.get("email")).toLowerCase(Locale.ROOT);
      String name = String.valueOf(user.get("name")).toLowerCase(Locale.ROOT);
      if (email.contains(text) || name.contains(text)) {
        matching.add(user);
      }
    }
    int from = Math.min(matching.size(), offset);
    int to = Math.min(matching.size(), offset + limit);
    List<Map<String, Object>> page = matching.subList(from, to);
    return new Answer(
        200,
        page,
        Map.of(
            "X-Collection-Range",
            (page.isEmpty() ? "*" : from + "-" + (to - 1)) + "/" + matching.size()));
  }

  private Answer change(Map<String, Object> user, String body) throws IOException {
    JsonNode request = json(body).path("user");
    if (!request.isObject()) {
      return new Answer(422, error("000422", "param is missing or the value is empty: user"));
    }
    JsonNode enabled = request.path("access_enabled");
    if (!enabled.isMissingNode() && !enabled.isBoolean()) {
      return new Answer(422, error("000422", "access_enabled must be true or false"));
    }
    if (ignoredChanges > 0) {
      ignoredChanges--;
    } else if (enabled.isBoolean()) {
      user.put("access_enabled", enabled.asBoolean());
    }
    return new Answer(204, null);
  }

  private static Map<String, Object> error(String code, String message) {
    return Map.of("code", code, "message", message);
  }
}
