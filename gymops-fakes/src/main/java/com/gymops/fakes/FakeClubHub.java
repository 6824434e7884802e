package com.gymops.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ClubHub's JSON API (Anytime Fitness' club system) on loopback, to the shapes its own apps use as
 * recorded in the public repository Bigcvl2212/Anytime_Fitness_Bot_Modular
 * (src/services/api/clubhub_api_client.py and member_access_control.py) and docs/INTEGRATIONS.md:
 *
 * <ul>
 *   <li>{@code POST /api/login} {@code {username, password}} answers {@code {"accessToken": ...}};
 *       every other call needs {@code Authorization: Bearer} with a live token and {@code
 *       API-version: 1}, else 401 (token) or 400 (version).
 *   <li>{@code GET /api/v1.0/clubs/{club}/members} and {@code /prospects} with {@code page} (from
 *       1) and {@code pageSize}: no total count, a short page is the last; rows as a bare array or
 *       under the key {@link #wrapRowsUnder} chose.
 *   <li>{@code GET /api/members/{id}/agreement}: {@code amountPastDue}, {@code statusMessage},
 *       {@code dateOfNextPayment}, {@code agreementID}, {@code monthlyDues}; 404 when there is
 *       none.
 *   <li>{@code GET /api/members/{id}/usages/by-date-range?startDate&endDate}.
 *   <li>{@code PUT /api/clubs/{club}/members/{id}/bans} {@code {"member": {"id": N}, "note": ...}}
 *       bans, {@code DELETE} lifts, {@code GET} answers 405; banning twice answers 400 with the
 *       error text "Member is already banned".
 * </ul>
 *
 * Tests script failures ahead of any request: a 429, a 5xx, or expiring every token issued so far.
 * Keeps every request. Thread-safe.
 */
public final class FakeClubHub implements AutoCloseable {
  public static final String USERNAME = "manager@example.com";
  public static final String PASSWORD = "clubhub-password";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ROWS =
      Pattern.compile("/api/v1\\.0/clubs/([^/]+)/(members|prospects)");
  private static final Pattern AGREEMENT = Pattern.compile("/api/members/([^/]+)/agreement");
  private static final Pattern USAGES =
      Pattern.compile("/api/members/([^/]+)/usages/by-date-range");
  private static final Pattern BANS = Pattern.compile("/api/clubs/([^/]+)/members/([^/]+)/bans");

  /** One request as ClubHub received it. */
  public record Request(String method, String path, Map<String, String> query, String body) {}

  private final HttpServer server;
  private final Map<String, List<Map<String, Object>>> members = new LinkedHashMap<>();
  private final Map<String, List<Map<String, Object>>> prospects = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> agreements = new HashMap<>();
  private final Map<String, List<Map<String, Object>>> usages = new HashMap<>();
  private final Set<String> banned = new LinkedHashSet<>();
  private final Set<String> liveTokens = new LinkedHashSet<>();
  private final Deque<Integer> scriptedStatuses = new ArrayDeque<>();
  private final List<Request> requests = new ArrayList<>();
  private String wrapKey = "members";
  private int logins;

  private FakeClubHub(HttpServer server) {
    this.server = server;
  }

  public static FakeClubHub start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FakeClubHub fake = new FakeClubHub(server);
      server.createContext("/", fake::handle);
      server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake ClubHub", e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * A member row of the club, as ClubHub lists it: {@code id}, {@code guid}, {@code firstName},
   * {@code lastName}, {@code email}, {@code mobilePhone}, {@code homePhone}, {@code status}, {@code
   * statusMessage}, {@code membershipStart}, {@code membershipEnd}, {@code lastVisit}, {@code
   * address1}, {@code city}, {@code state}, {@code zip}. Put the same id again to change it.
   */
  public synchronized FakeClubHub putMember(String club, Map<String, Object> row) {
    put(members, club, row);
    return this;
  }

  public synchronized FakeClubHub putProspect(String club, Map<String, Object> row) {
    put(prospects, club, row);
    return this;
  }

  /** The member's agreement: {@code amountPastDue}, {@code statusMessage}, ... */
  public synchronized FakeClubHub putAgreement(Object memberId, Map<String, Object> agreement) {
    agreements.put(String.valueOf(memberId), new LinkedHashMap<>(agreement));
    return this;
  }

  public synchronized FakeClubHub putUsage(Object memberId, String checkInTimeIso) {
    usages
        .computeIfAbsent(String.valueOf(memberId), id -> new ArrayList<>())
        .add(Map.of("checkInTime", checkInTimeIso));
    return this;
  }

  /** A typical member row with a mobile number, for tests that don't care about the rest. */
  public static Map<String, Object> memberRow(long id, String first, String mobilePhone) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id);
    row.put("guid", UUID.nameUUIDFromBytes(("m" + id).getBytes(StandardCharsets.UTF_8)).toString());
    row.put("firstName", first);
    row.put("lastName", "Member" + id);
    row.put("email", first.toLowerCase(java.util.Locale.ROOT) + id + "@example.com");
    row.put("mobilePhone", mobilePhone);
    row.put("homePhone", null);
    row.put("status", "Active");
    row.put("statusMessage", "Member is in good standing");
    row.put("membershipStart", "2024-02-01T00:00:00");
    row.put("membershipEnd", null);
    row.put("lastVisit", "2026-03-01T18:30:00");
    row.put("address1", "1 Main St");
    row.put("city", "Springfield");
    row.put("state", "IL");
    row.put("zip", "62701");
    return row;
  }

  /** An agreement as ClubHub answers it. */
  public static Map<String, Object> agreement(
      long agreementId, String amountPastDue, String statusMessage) {
    Map<String, Object> agreement = new LinkedHashMap<>();
    agreement.put("agreementID", agreementId);
    agreement.put("amountPastDue", Double.parseDouble(amountPastDue));
    agreement.put("statusMessage", statusMessage);
    agreement.put("dateOfNextPayment", "2026-04-01T00:00:00");
    agreement.put("monthlyDues", 39.99);
    return agreement;
  }

  /**
   * Where member and prospect rows go in a page: "members", "prospects", "data", "results",
   * "items", or null for a bare array (each ClubHub version has answered one of these).
   */
  public synchronized FakeClubHub wrapRowsUnder(String key) {
    this.wrapKey = key;
    return this;
  }

  /** The next requests (after login) answer these statuses, one each, before the real answer. */
  public synchronized FakeClubHub failNext(int... statuses) {
    for (int status : statuses) {
      scriptedStatuses.add(status);
    }
    return this;
  }

  /** Every token issued so far stops working, as ClubHub's do after their lifetime. */
  public synchronized FakeClubHub expireTokens() {
    liveTokens.clear();
    return this;
  }

  public synchronized Set<String> banned() {
    return Set.copyOf(banned);
  }

  public synchronized FakeClubHub ban(Object memberId) {
    banned.add(String.valueOf(memberId));
    return this;
  }

  public synchronized int logins() {
    return logins;
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void put(
      Map<String, List<Map<String, Object>>> rows, String club, Map<String, Object> row) {
    List<Map<String, Object>> list = rows.computeIfAbsent(club, c -> new ArrayList<>());
    list.removeIf(
        existing -> String.valueOf(existing.get("id")).equals(String.valueOf(row.get("id"))));
    list.add(new LinkedHashMap<>(row));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      String method = exchange.getRequestMethod();
      Answer answer;
      synchronized (this) {
        requests.add(new Request(method, path, query, body));
        answer = answer(exchange, method, path, query, body);
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  private record Answer(int status, String body) {}

  private Answer answer(
      HttpExchange exchange, String method, String path, Map<String, String> query, String body)
      throws IOException {
    if (path.equals("/api/login") && method.equals("POST")) {
      return login(body);
    }
    if (!"1".equals(exchange.getRequestHeaders().getFirst("API-version"))) {
      return error(400, "The API-version header is required");
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null
        || !authorization.startsWith("Bearer ")
        || !liveTokens.contains(authorization.substring("Bearer ".length()))) {
      return error(401, "Authorization has been denied for this request.");
    }
    Integer scripted = scriptedStatuses.poll();
    if (scripted != null) {
      return error(scripted, scripted == 429 ? "Too Many Requests" : "Internal Server Error");
    }
    Matcher rows = ROWS.matcher(path);
    if (rows.matches() && method.equals("GET")) {
      boolean isMembers = rows.group(2).equals("members");
      List<Map<String, Object>> all =
          (isMembers ? members : prospects).getOrDefault(rows.group(1), List.of());
      int page = Integer.parseInt(query.getOrDefault("page", "1"));
      int pageSize = Integer.parseInt(query.getOrDefault("pageSize", "100"));
      int from = Math.min(all.size(), (page - 1) * pageSize);
      List<Map<String, Object>> slice = all.subList(from, Math.min(all.size(), from + pageSize));
      Object payload = wrapKey == null ? slice : Map.of(wrapKey, slice);
      return new Answer(200, JSON.writeValueAsString(payload));
    }
    Matcher agreement = AGREEMENT.matcher(path);
    if (agreement.matches() && method.equals("GET")) {
      Map<String, Object> found = agreements.get(agreement.group(1));
      return found == null
          ? error(404, "No agreement found")
          : new Answer(200, JSON.writeValueAsString(found));
    }
    Matcher usage = USAGES.matcher(path);
    if (usage.matches() && method.equals("GET")) {
      return usages(usage.group(1), query);
    }
    Matcher bans = BANS.matcher(path);
    if (bans.matches()) {
      return ban(method, bans.group(2), body);
    }
    return error(404, "No HTTP resource was found that matches the request URI.");
  }

  /**
   * The member's usages whose day lies from {@code startDate} to {@code endDate}, both included, as
   * a bare array of {@code {"checkInTime": ...}}: the public client names the parameters, not the
   * answer's fields nor the dates' format, so ISO days and this field are the fake's own.
   */
  private Answer usages(String memberId, Map<String, String> query) throws IOException {
    java.time.LocalDate start;
    java.time.LocalDate end;
    try {
      start = java.time.LocalDate.parse(query.getOrDefault("startDate", ""));
      end = java.time.LocalDate.parse(query.getOrDefault("endDate", ""));
    } catch (java.time.DateTimeException e) {
      return error(400, "startDate and endDate are required (YYYY-MM-DD)");
    }
    List<Map<String, Object>> inRange = new ArrayList<>();
    for (Map<String, Object> usage : usages.getOrDefault(memberId, List.of())) {
      java.time.LocalDate day =
          java.time.LocalDate.parse(String.valueOf(usage.get("checkInTime")).substring(0, 10));
      if (!day.isBefore(start) && !day.isAfter(end)) {
        inRange.add(usage);
      }
    }
    return new Answer(200, JSON.writeValueAsString(inRange));
  }

  private Answer login(String body) throws IOException {
    JsonNode credentials = JSON.readTree(body.isEmpty() ? "{}" : body);
    if (!USERNAME.equals(credentials.path("username").asText(null))
        || !PASSWORD.equals(credentials.path("password").asText(null))) {
      return error(401, "Invalid username or password");
    }
    String token = "ch-" + UUID.randomUUID();
    liveTokens.add(token);
    logins++;
    return new Answer(
        200,
        JSON.writeValueAsString(
            Map.of("accessToken", token, "refreshToken", "r-" + token, "expiresIn", 3600)));
  }

  private Answer ban(String method, String memberId, String body) throws IOException {
    switch (method) {
      case "PUT" -> {
        JsonNode request = JSON.readTree(body.isEmpty() ? "{}" : body);
        if (!memberId.equals(request.path("member").path("id").asText())) {
          return error(400, "member.id must match the member in the path");
        }
        if (!banned.add(memberId)) {
          return error(400, "Member is already banned");
        }
        return new Answer(200, "{}");
      }
      case "DELETE" -> {
        banned.remove(memberId);
        return new Answer(200, "{}");
      }
      default -> {
        return error(405, "The requested resource does not support http method '" + method + "'.");
      }
    }
  }

  private static Answer error(int status, String message) throws IOException {
    return new Answer(status, JSON.writeValueAsString(Map.of("message", message)));
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      query.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return query;
  }
}
