package com.gymops.fakes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ABC Evo's REST API (ABC Fitness) on loopback, to the shapes docs/INTEGRATIONS.md records for it.
 * The member resource follows how public ABC clients read {@code GET
 * https://api.abcfinancial.com/rest/{clubNumber}/members}: its {@code personal} and {@code
 * agreement} objects, every value a string, and its {@code status} block with {@code nextPage}.
 * ABC's own reference pages were not at hand; where this fake goes beyond those shapes (the
 * gateway's 403 text, the error texts, the check-in summaries' parameter) it says so below.
 *
 * <ul>
 *   <li>Every call needs the {@code app_id} and {@code app_key} headers; a missing or wrong pair is
 *       refused with HTTP 403 and a plain-text reason, not JSON, as an API gateway answers (the
 *       exact text is this fake's).
 *   <li>{@code GET /{clubNumber}/members?page=N} (pages from 1, {@link #pageSize} rows each):
 *       {@code {"status": {"message": "success", "count": "2", "nextPage": "3"}, "request": {...},
 *       "members": [...]}}; {@code nextPage} is empty on the last page. Every value is a string.
 *   <li>{@code GET /{clubNumber}/clubs}: the club's own record.
 *   <li>{@code GET /{clubNumber}/members/checkins/summaries?checkInTimestampRange=from,to}: refused
 *       for a range longer than 14 days, ABC's limit (the parameter's name is this fake's; GymOps
 *       does not read summaries).
 *   <li>ABC's errors (an unknown club, a bad page, a range too long) come as HTTP 200 with the
 *       reason in {@code status.message} and no rows; a success says {@code "success"} there. A
 *       club is known once it has a member.
 * </ul>
 *
 * Tests script failures ahead of any request: a 429, a 5xx, or an error answered as 200. Keeps
 * every request. Thread-safe.
 */
public final class FakeAbc implements AutoCloseable {
  public static final String APP_ID = "abc-app-id";
  public static final String APP_KEY = "abc-app-key";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MEMBERS = Pattern.compile("/([^/]+)/members");
  private static final Pattern CLUB = Pattern.compile("/([^/]+)/clubs");
  private static final Pattern CHECK_INS = Pattern.compile("/([^/]+)/members/checkins/summaries");
  private static final Duration CHECK_IN_RANGE = Duration.ofDays(14);

  /** One request as ABC received it. */
  public record Request(String method, String path, Map<String, String> query) {}

  private record Answer(int status, String body, String contentType) {}

  private final HttpServer server;
  private final Map<String, List<Map<String, Object>>> members = new LinkedHashMap<>();
  private final Deque<Object> scripted = new ArrayDeque<>();
  private final List<Request> requests = new ArrayList<>();
  private int pageSize = 5_000;

  private FakeAbc(HttpServer server) {
    this.server = server;
  }

  public static FakeAbc start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FakeAbc fake = new FakeAbc(server);
      server.createContext("/", fake::handle);
      server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake ABC Evo", e);
    }
  }

  /** The API root, as {@code club_system.abc.base_url}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/rest";
  }

  /** Rows per page (ABC's own is 5,000). */
  public synchronized FakeAbc pageSize(int rows) {
    this.pageSize = rows;
    return this;
  }

  /**
   * A member of the club as ABC lists it: {@code memberId}, {@code personal} and {@code agreement}.
   * Put the same {@code memberId} again to change it.
   */
  public synchronized FakeAbc putMember(String clubNumber, Map<String, Object> row) {
    List<Map<String, Object>> list = members.computeIfAbsent(clubNumber, c -> new ArrayList<>());
    list.removeIf(existing -> existing.get("memberId").equals(row.get("memberId")));
    list.add(row);
    return this;
  }

  /** A member in good standing with a mobile number, every value a string as ABC sends it. */
  public static Map<String, Object> memberRow(String memberId, String first, String mobilePhone) {
    Map<String, Object> personal = new LinkedHashMap<>();
    personal.put("firstName", first);
    personal.put("lastName", "Member" + memberId);
    personal.put("email", first.toLowerCase(java.util.Locale.ROOT) + memberId + "@example.com");
    personal.put("mobilePhone", mobilePhone == null ? "" : mobilePhone);
    personal.put("primaryPhone", "");
    personal.put("state", "TX");
    personal.put("isActive", "true");
    personal.put("memberStatus", "active");
    personal.put("joinStatus", "Member");
    personal.put("totalCheckInCount", "12");
    personal.put("lastCheckInTimestamp", "2026-03-01 18:30:00.000000");
    Map<String, Object> agreement = new LinkedHashMap<>();
    agreement.put("agreementNumber", "A" + memberId);
    agreement.put("membershipType", "Monthly Dues");
    agreement.put("paymentPlan", "Monthly");
    agreement.put("isPastDue", "false");
    agreement.put("nextDueAmount", "39.99");
    agreement.put("pastDueBalance", "0.00");
    agreement.put("lateFeeAmount", "0.00");
    agreement.put("totalPastDueBalance", "0.00");
    agreement.put("nextBillingDate", "2026-04-01");
    agreement.put("sinceDate", "2024-02-01");
    agreement.put("beginDate", "2024-02-01");
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("memberId", memberId);
    row.put("personal", personal);
    row.put("agreement", agreement);
    return row;
  }

  /** The row's {@code personal} object, to change in place before {@link #putMember}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> personal(Map<String, Object> row) {
    return (Map<String, Object>) row.get("personal");
  }

  /** The row's {@code agreement} object, to change in place before {@link #putMember}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> agreement(Map<String, Object> row) {
    return (Map<String, Object>) row.get("agreement");
  }

  /** The next requests with good keys answer these HTTP statuses, one each, before the real one. */
  public synchronized FakeAbc failNext(int... statuses) {
    for (int status : statuses) {
      scripted.add(status);
    }
    return this;
  }

  /** The next request with good keys answers HTTP 200 with this error in {@code status.message}. */
  public synchronized FakeAbc errorNext(String message) {
    scripted.add(message);
    return this;
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      Answer answer;
      synchronized (this) {
        requests.add(new Request(exchange.getRequestMethod(), path, query));
        answer = answer(exchange, path, query);
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  private Answer answer(HttpExchange exchange, String fullPath, Map<String, String> query)
      throws IOException {
    String appId = exchange.getRequestHeaders().getFirst("app_id");
    String appKey = exchange.getRequestHeaders().getFirst("app_key");
    if (appId == null || appKey == null) {
      return text(403, "Authentication parameters missing");
    }
    if (!APP_ID.equals(appId) || !APP_KEY.equals(appKey)) {
      return text(403, "Authentication failed");
    }
    Object next = scripted.poll();
    if (next instanceof Integer status) {
      return text(status, status == 429 ? "Usage limits are exceeded" : "Internal Server Error");
    }
    if (next instanceof String message) {
      return error(message);
    }
    if (!exchange.getRequestMethod().equals("GET") || !fullPath.startsWith("/rest/")) {
      return text(404, "Not Found");
    }
    String path = fullPath.substring("/rest".length());
    Matcher checkIns = CHECK_INS.matcher(path);
    if (checkIns.matches()) {
      return checkIns(query);
    }
    Matcher club = CLUB.matcher(path);
    if (club.matches()) {
      if (!members.containsKey(club.group(1))) {
        return error("Invalid club number: " + club.group(1));
      }
      return json(
          Map.of(
              "status", Map.of("message", "success", "count", "1"),
              "club", Map.of("clubNumber", club.group(1), "name", "Club " + club.group(1))));
    }
    Matcher rows = MEMBERS.matcher(path);
    if (rows.matches()) {
      return page(rows.group(1), query.getOrDefault("page", "1"));
    }
    return text(404, "Not Found");
  }

  private Answer page(String clubNumber, String pageText) throws IOException {
    List<Map<String, Object>> all = members.get(clubNumber);
    if (all == null) {
      return error("Invalid club number: " + clubNumber);
    }
    int page;
    try {
      page = Integer.parseInt(pageText);
    } catch (NumberFormatException e) {
      return error("Invalid page: " + pageText);
    }
    if (page < 1) {
      return error("Invalid page: " + pageText);
    }
    int from = Math.min(all.size(), (page - 1) * pageSize);
    int to = Math.min(all.size(), from + pageSize);
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("message", "success");
    status.put("count", Integer.toString(to - from));
    status.put("nextPage", to < all.size() ? Integer.toString(page + 1) : "");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("request", Map.of("clubNumber", clubNumber, "page", Integer.toString(page)));
    body.put("members", all.subList(from, to));
    return json(body);
  }

  private Answer checkIns(Map<String, String> query) throws IOException {
    String[] range = query.getOrDefault("checkInTimestampRange", "").split(",");
    try {
      LocalDateTime from = LocalDateTime.parse(range[0].strip().replace(' ', 'T'));
      LocalDateTime to = LocalDateTime.parse(range[1].strip().replace(' ', 'T'));
      if (Duration.between(from, to).compareTo(CHECK_IN_RANGE) > 0) {
        return error("The date range cannot exceed 14 days");
      }
    } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
      return error("checkInTimestampRange is required");
    }
    return json(
        Map.of("status", Map.of("message", "success", "count", "0"), "checkins", List.of()));
  }

  private static Answer error(String message) throws IOException {
    return json(Map.of("status", Map.of("message", message, "count", "0")));
  }

  private static Answer json(Object body) throws IOException {
    return new Answer(200, JSON.writeValueAsString(body), "application/json; charset=utf-8");
  }

  private static Answer text(int status, String body) {
    return new Answer(status, body, "text/plain; charset=utf-8");
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
