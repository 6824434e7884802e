package com.gymops.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Avigilon Alta (Openpath)'s API on loopback, to the public record of it: the API's own listing of
 * endpoints as collected in api-evangelist/openpath (collections/openpath-auth-api: {@code POST
 * /auth/login}, tokens that fail with TokenExpiredError), openpath.readme.io's reference as read by
 * public clients (login answers {@code {"data": {"token", "tokenScopeList"}}} with 201; {@code GET
 * /orgs/{orgId}/users} answers {@code {"totalCount", "data"}} paged by {@code offset}/{@code limit}
 * and filtered as {@code filter=field:(value)}; users carry {@code id}, {@code identity.email},
 * {@code externalId}, {@code status}; the token goes bare in {@code Authorization}), and the
 * issue's {@code PUT /orgs/{orgId}/users/{userId}/status} {@code {"status": "S" | "A"}} answered
 * 204:
 *
 * <ul>
 *   <li>{@code POST /auth/login} {@code {"email", "password"}}: 201 {@code {"data": {"token",
 *       "expiresAt", "tokenScopeList"}}}; wrong credentials 401.
 *   <li>An expired token: 401 {@code {"name": "TokenExpiredError", "message": "jwt expired"}}.
 *   <li>{@code GET /orgs/{orgId}/users/{id}}: {@code {"data": user}}; 404 unknown; another org 403.
 * </ul>
 *
 * {@code expiresAt} and the error bodies' {@code name}/{@code message} follow public clients'
 * reading; the fake's tokens live {@link #TOKEN_LIFETIME} by the clock the test gives. Tests script
 * 429s and 5xx ahead of any call. Thread-safe.
 */
public final class FakeOpenpath extends LoopbackApi {
  public static final String EMAIL = "frontdesk-bot@example-gym.com";
  public static final String PASSWORD = "openpath-password";
  public static final String ORG_ID = "4242";
  public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

  private static final Pattern USERS = Pattern.compile("/orgs/([^/]+)/users");
  private static final Pattern USER = Pattern.compile("/orgs/([^/]+)/users/([^/]+)");
  private static final Pattern STATUS = Pattern.compile("/orgs/([^/]+)/users/([^/]+)/status");
  private static final Pattern FILTER = Pattern.compile("([A-Za-z.]+):\\((.*)\\)");

  private final Map<Long, Map<String, Object>> users = new LinkedHashMap<>();
  private final Map<String, Instant> tokens = new LinkedHashMap<>();
  private long nextId = 90_000;
  private int logins;

  private FakeOpenpath(Clock clock) {
    super(clock);
  }

  public static FakeOpenpath start(Clock clock) {
    return new FakeOpenpath(clock);
  }

  /** An active user of the org; answers its id. */
  public synchronized long addUser(String email, String externalId) {
    long id = nextId++;
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("email", email);
    identity.put("firstName", "First" + id);
    identity.put("lastName", "Last" + id);
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", id);
    user.put("identity", identity);
    user.put("externalId", externalId);
    user.put("status", "A");
    user.put("groupIds", List.of(11));
    users.put(id, user);
    return id;
  }

  public synchronized String status(long id) {
    return String.valueOf(users.get(id).get("status"));
  }

  public synchronized int logins() {
    return logins;
  }

  public synchronized FakeOpenpath expireTokens() {
    tokens.replaceAll((token, expiry) -> Instant.MIN);
    return this;
  }

  @Override
  boolean isLogin(Request request) {
    return request.path().equals("/auth/login");
  }

  @Override
  boolean authorized(Request request) {
    Instant expiry = tokens.get(request.headers().getOrDefault("authorization", ""));
    return expiry != null && clock().instant().isBefore(expiry);
  }

  @Override
  Answer refusal(Request request) {
    return tokens.containsKey(request.headers().getOrDefault("authorization", ""))
        ? new Answer(401, Map.of("name", "TokenExpiredError", "message", "jwt expired"))
        : new Answer(401, Map.of("name", "JsonWebTokenError", "message", "jwt malformed"));
  }

  @Override
  Object errorBody(int status) {
    return Map.of(
        "name",
        status == 429 ? "TooManyRequestsError" : "InternalServerError",
        "message",
        status == 429 ? "Too many requests" : "Internal server error");
  }

  @Override
  Answer answer(Request request) throws IOException {
    if (isLogin(request)) {
      return login(request);
    }
    Matcher status = STATUS.matcher(request.path());
    if (status.matches() && request.method().equals("PUT")) {
      if (!ORG_ID.equals(status.group(1))) {
        return forbidden();
      }
      return setStatus(user(status.group(2)), request.body());
    }
    Matcher user = USER.matcher(request.path());
    if (user.matches() && request.method().equals("GET")) {
      if (!ORG_ID.equals(user.group(1))) {
        return forbidden();
      }
      Map<String, Object> found = user(user.group(2));
      return found == null ? notFound() : new Answer(200, Map.of("data", found));
    }
    Matcher list = USERS.matcher(request.path());
    if (list.matches() && request.method().equals("GET")) {
      return ORG_ID.equals(list.group(1)) ? list(request.query()) : forbidden();
    }
    return notFound();
  }

  private Answer login(Request request) throws IOException {
    JsonNode body = json(request.body());
    if (!EMAIL.equals(body.path("email").asText(null))
        || !PASSWORD.equals(body.path("password").asText(null))) {
      return new Answer(
          401, Map.of("name", "InvalidCredentialsError", "message", "Invalid email or password"));
    }
    String token = "eyJ" + UUID.randomUUID().toString().replace("-", "");
    Instant expiresAt = clock().instant().plus(TOKEN_LIFETIME);
    tokens.put(token, expiresAt);
    logins++;
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("token", token);
    data.put("expiresAt", expiresAt.toString());
    data.put(
        "tokenScopeList",
        List.of(
            Map.of(
                "org",
                Map.of("id", Long.parseLong(ORG_ID), "name", "Example Gym"),
                "scope",
                List.of("o:w"))));
    return new Answer(201, Map.of("data", data));
  }

  private Answer list(Map<String, String> query) {
    int offset = number(query, "offset", 0);
    int limit = number(query, "limit", 1000);
    if (offset < 0 || limit < 1 || limit > 1000) {
      return new Answer(400, Map.of("name", "BadRequestError", "message", "invalid limit"));
    }
    List<Map<String, Object>> matching = new ArrayList<>();
    String filter = query.get("filter");
    Matcher clause = filter == null ? null : FILTER.matcher(filter.strip());
    if (clause != null && !clause.matches()) {
      return new Answer(400, Map.of("name", "BadRequestError", "message", "invalid filter"));
    }
    for (Map<String, Object> user : users.values()) {
      if (clause == null || matches(user, clause.group(1), clause.group(2))) {
        matching.add(user);
      }
    }
    int from = Math.min(matching.size(), offset);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("totalCount", matching.size());
    answer.put("data", matching.subList(from, Math.min(matching.size(), from + limit)));
    return new Answer(200, answer);
  }

  @SuppressWarnings("unchecked")
  private static boolean matches(Map<String, Object> user, String field, String value) {
    Object actual =
        switch (field) {
          case "identity.email" -> ((Map<String, Object>) user.get("identity")).get("email");
          case "externalId" -> user.get("externalId");
          case "status" -> user.get("status");
          default -> null;
        };
    return actual != null
        && String.valueOf(actual).toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT));
  }

  private Answer setStatus(Map<String, Object> user, String body) throws IOException {
    if (user == null) {
      return notFound();
    }
    String status = json(body).path("status").asText("");
    if (!status.equals("A") && !status.equals("S") && !status.equals("I")) {
      return new Answer(
          400, Map.of("name", "BadRequestError", "message", "status must be A, S or I"));
    }
    user.put("status", status);
    return new Answer(204, null);
  }

  private Map<String, Object> user(String segment) {
    try {
      return users.get(Long.parseLong(decode(segment)));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Answer notFound() {
    return new Answer(404, Map.of("name", "NotFoundError", "message", "User not found"));
  }

  private static Answer forbidden() {
    return new Answer(403, Map.of("name", "ForbiddenError", "message", "Not allowed for this org"));
  }
}
