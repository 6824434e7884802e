package com.gymops.adapter.clubsystem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * A club system on loopback that speaks docs/club-system-api.md: members with their {@code
 * updated_at}, {@code GET /members?limit&updated_since&cursor} in (updated_at, member_id) order,
 * bearer token checked. Tests change members (bumping {@code updated_at}), script failures, or make
 * it hang until closed (for timeouts). Keeps the query of every request.
 */
public final class ClubSystemSimulator implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String token;
  private final Map<String, ObjectNode> members = new TreeMap<>();
  private final List<Map<String, String>> queries = new ArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private int failWith;
  private boolean hang;

  private ClubSystemSimulator(HttpServer server, String token) {
    this.server = server;
    this.token = token;
  }

  public static ClubSystemSimulator start(String token) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ClubSystemSimulator simulator = new ClubSystemSimulator(server, token);
      server.createContext("/api/members", simulator::handle);
      server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
      server.start();
      return simulator;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the club system simulator", e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
  }

  /** Adds or replaces a member as the club system holds it. */
  public synchronized ClubSystemSimulator put(
      String memberId, String clubId, String phone, String pastDue, String since, Instant at) {
    ObjectNode member = JSON.createObjectNode();
    member.put("member_id", memberId);
    member.put("club_id", clubId);
    member.put("first_name", "First" + memberId);
    member.put("last_name", "Last");
    member.put("phone", phone);
    member.put("email", memberId.toLowerCase(java.util.Locale.ROOT) + "@example.com");
    member.put("status", "ACTIVE");
    member.put("joined_on", "2024-03-01");
    member.put("past_due_amount", pastDue);
    member.put("past_due_since", since);
    member.put("sms_consent", true);
    member.put("updated_at", at.toString());
    members.put(memberId, member);
    return this;
  }

  /** Sets one more field of a member put before, e.g. {@code pay_link}. */
  public synchronized ClubSystemSimulator with(String memberId, String field, String value) {
    members.get(memberId).put(field, value);
    return this;
  }

  /** The next requests answer this HTTP status (0: answer normally). */
  public synchronized ClubSystemSimulator failWith(int status) {
    this.failWith = status;
    return this;
  }

  /** Requests get no answer until {@link #close()}. */
  public synchronized ClubSystemSimulator hang() {
    this.hang = true;
    return this;
  }

  public synchronized List<Map<String, String>> queries() {
    return List.copyOf(queries);
  }

  private void handle(HttpExchange exchange) throws IOException {
    boolean hangNow;
    int status;
    String body;
    synchronized (this) {
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      queries.add(query);
      hangNow = hang;
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (token != null && !("Bearer " + token).equals(auth)) {
        status = 401;
        body = "{\"error\": \"unauthorized\"}";
      } else if (failWith != 0) {
        status = failWith;
        body = "{\"error\": \"scripted\"}";
      } else {
        status = 200;
        body = page(query);
      }
    }
    if (hangNow) {
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String page(Map<String, String> query) {
    int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
    Instant since =
        query.containsKey("updated_since") ? Instant.parse(query.get("updated_since")) : null;
    int offset = Integer.parseInt(query.getOrDefault("cursor", "0"));
    List<ObjectNode> changed =
        members.values().stream()
            .filter(
                m -> since == null || !Instant.parse(m.get("updated_at").asText()).isBefore(since))
            .sorted(
                Comparator.comparing((ObjectNode m) -> Instant.parse(m.get("updated_at").asText()))
                    .thenComparing(m -> m.get("member_id").asText()))
            .toList();
    List<ObjectNode> page =
        changed.subList(Math.min(offset, changed.size()), Math.min(offset + limit, changed.size()));
    ObjectNode root = JSON.createObjectNode();
    ArrayNode array = root.putArray("members");
    page.forEach(array::add);
    if (offset + limit < changed.size()) {
      root.put("next_cursor", Integer.toString(offset + limit));
    } else {
      root.putNull("next_cursor");
    }
    return root.toString();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      query.put(
          URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }
}
