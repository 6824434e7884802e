package com.gymops.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brivo Access' API and its OAuth token endpoint on loopback, to the public record of them: the
 * connector guide at wiki.alertenterprise.app/connectors/brivo (a password-grant token from {@code
 * https://auth.brivo.com/oauth/token} with the client id and secret and the API key, then {@code
 * Authorization: Bearer} and {@code api-key} on every call), the Brivo integration of a gym in
 * christophertino/mindbody-brivo (models/auth.go and models/brivo.go: the token's {@code
 * access_token}, {@code token_type}, {@code refresh_token}, {@code expires_in}, {@code scope},
 * {@code jti}; {@code GET /v1/api/users} as {@code {"data", "offset", "pageSize", "count"}}; {@code
 * GET /v1/api/users/{externalId}/external}; {@code PUT /v1/api/users/{id}/suspended} {@code
 * {"suspended": bool}}) and developer.sailpoint.com's Brivo thread (tokens live 300 s, paging by
 * {@code offset}/{@code pageSize}, 100 at most):
 *
 * <ul>
 *   <li>{@code POST /oauth/token} with HTTP Basic client credentials, {@code api-key} and the form
 *       {@code grant_type=password&username=&password=}: the token; bad credentials 401 {@code
 *       {"error": "unauthorized", "error_description": "Bad credentials"}}.
 *   <li>An expired or unknown token: 401 {@code {"error": "invalid_token", "error_description":
 *       "Access token expired: ..."}}; no {@code api-key}: 403 "Developer Inactive" (Brivo's API
 *       gateway).
 *   <li>{@code GET /v1/api/users/{id}}: the user with {@code id}, {@code externalId}, {@code
 *       firstName}, {@code lastName}, {@code suspended}, {@code emails[].address}; 404 unknown.
 *   <li>{@code PUT .../suspended}: 204.
 * </ul>
 *
 * Error bodies of the API are {@code {"code": status, "message": ...}} (the fake's own where the
 * record shows none). Tests script 429s and 5xx, expire tokens by the clock they give, and can make
 * changes accepted yet not applied. Thread-safe.
 */
public final class FakeBrivo extends LoopbackApi {
  public static final String CLIENT_ID = "brivo-client-id";
  public static final String CLIENT_SECRET = "brivo-client-secret";
  public static final String API_KEY = "brivo-api-key";
  public static final String USERNAME = "admin@example-gym.com";
  public static final String PASSWORD = "brivo-password";

  /** Brivo's tokens last five minutes. */
  public static final Duration TOKEN_LIFETIME = Duration.ofSeconds(300);

  private static final Pattern USER = Pattern.compile("/v1/api/users/([^/]+)");
  private static final Pattern EXTERNAL = Pattern.compile("/v1/api/users/([^/]+)/external");
  private static final Pattern SUSPENDED = Pattern.compile("/v1/api/users/([^/]+)/suspended");

  private final Map<Long, Map<String, Object>> users = new LinkedHashMap<>();
  private final Map<String, Instant> tokens = new LinkedHashMap<>();
  private long nextId = 71_000;
  private int tokensIssued;
  private int ignoredChanges;

  private FakeBrivo(Clock clock) {
    super(clock);
  }

  /** Tokens expire by {@code clock}. */
  public static FakeBrivo start(Clock clock) {
    return new FakeBrivo(clock);
  }

  public String tokenUrl() {
    return baseUrl() + "/oauth/token";
  }

  /** A user, not suspended; answers its id. */
  public synchronized long addUser(String email, String externalId) {
    long id = nextId++;
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", id);
    user.put("externalId", externalId);
    user.put("firstName", "First" + id);
    user.put("lastName", "Last" + id);
    user.put("suspended", false);
    user.put("emails", List.of(Map.of("address", email, "type", "home")));
    users.put(id, user);
    return id;
  }

  public synchronized boolean suspended(long id) {
    return Boolean.TRUE.equals(users.get(id).get("suspended"));
  }

  public synchronized int tokensIssued() {
    return tokensIssued;
  }

  /** Every token issued so far stops working now. */
  public synchronized FakeBrivo expireTokens() {
    tokens.replaceAll((token, expiry) -> Instant.MIN);
    return this;
  }

  public synchronized FakeBrivo ignoreNextChanges(int count) {
    ignoredChanges += count;
    return this;
  }

  @Override
  boolean isLogin(Request request) {
    return request.path().equals("/oauth/token");
  }

  @Override
  boolean authorized(Request request) {
    String bearer = request.headers().getOrDefault("authorization", "");
    if (!API_KEY.equals(request.headers().get("api-key")) || !bearer.startsWith("Bearer ")) {
      return false;
    }
    Instant expiry = tokens.get(bearer.substring("Bearer ".length()));
    return expiry != null && clock().instant().isBefore(expiry);
  }

  @Override
  Answer refusal(Request request) {
    if (!API_KEY.equals(request.headers().get("api-key"))) {
      return new Answer(403, Map.of("code", 403, "message", "Developer Inactive"));
    }
    String bearer = request.headers().getOrDefault("authorization", "");
    return new Answer(
        401,
        Map.of(
            "error",
            "invalid_token",
            "error_description",
            "Access token expired: " + bearer.replace("Bearer ", "")));
  }

  @Override
  Object errorBody(int status) {
    return Map.of(
        "code", status, "message", status == 429 ? "Rate limit exceeded" : "Internal Server Error");
  }

  @Override
  Answer answer(Request request) throws IOException {
    if (isLogin(request)) {
      return token(request);
    }
    Matcher suspended = SUSPENDED.matcher(request.path());
    if (suspended.matches() && request.method().equals("PUT")) {
      return suspend(user(suspended.group(1)), request.body());
    }
    Matcher external = EXTERNAL.matcher(request.path());
    if (external.matches() && request.method().equals("GET")) {
      String externalId = decode(external.group(1));
      return users.values().stream()
          .filter(user -> externalId.equals(user.get("externalId")))
          .findFirst()
          .map(user -> new Answer(200, user))
          .orElseGet(() -> notFound());
    }
    Matcher user = USER.matcher(request.path());
    if (user.matches() && request.method().equals("GET")) {
      Map<String, Object> found = user(user.group(1));
      return found == null ? notFound() : new Answer(200, found);
    }
    if (request.path().equals("/v1/api/users") && request.method().equals("GET")) {
      return list(request.query());
    }
    return notFound();
  }

  private Answer token(Request request) {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    Map<String, String> form = query(request.body());
    form.putAll(request.query());
    if (!request.method().equals("POST")
        || !basic.equals(request.headers().get("authorization"))
        || !API_KEY.equals(request.headers().get("api-key"))) {
      return new Answer(
          401,
          Map.of("error", "unauthorized", "error_description", "Full authentication is required"));
    }
    if (!"password".equals(form.get("grant_type"))) {
      return new Answer(
          400,
          Map.of(
              "error",
              "unsupported_grant_type",
              "error_description",
              "Unsupported grant type: " + form.get("grant_type")));
    }
    if (!USERNAME.equals(form.get("username")) || !PASSWORD.equals(form.get("password"))) {
      return new Answer(
          401, Map.of("error", "unauthorized", "error_description", "Bad credentials"));
    }
    String token = "brivo-" + UUID.randomUUID();
    tokens.put(token, clock().instant().plus(TOKEN_LIFETIME));
    tokensIssued++;
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("access_token", token);
    answer.put("token_type", "bearer");
    answer.put("refresh_token", "refresh-" + token);
    answer.put("expires_in", TOKEN_LIFETIME.toSeconds());
    answer.put("scope", "brivo.api");
    answer.put("jti", UUID.randomUUID().toString());
    return new Answer(200, answer);
  }

  private Answer list(Map<String, String> query) {
    int offset = number(query, "offset", 0);
    int pageSize = number(query, "pageSize", 20);
    if (offset < 0 || pageSize < 1 || pageSize > 100) {
      return new Answer(400, Map.of("code", 400, "message", "pageSize must be between 1 and 100"));
    }
    List<Map<String, Object>> all = new ArrayList<>(users.values());
    int from = Math.min(all.size(), offset);
    List<Map<String, Object>> page = all.subList(from, Math.min(all.size(), from + pageSize));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("data", page);
    answer.put("offset", offset);
    answer.put("pageSize", pageSize);
    answer.put("count", all.size());
    return new Answer(200, answer);
  }

  private Answer suspend(Map<String, Object> user, String body) throws IOException {
    if (user == null) {
      return notFound();
    }
    JsonNode suspended = json(body).path("suspended");
    if (!suspended.isBoolean()) {
      return new Answer(400, Map.of("code", 400, "message", "suspended must be true or false"));
    }
    if (ignoredChanges > 0) {
      ignoredChanges--;
    } else {
      user.put("suspended", suspended.asBoolean());
    }
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
    return new Answer(404, Map.of("code", 404, "message", "Not Found"));
  }
}
