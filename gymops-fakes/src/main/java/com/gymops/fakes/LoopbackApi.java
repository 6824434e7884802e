package com.gymops.fakes;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the door systems' fakes share: a JDK server on loopback, every request kept, failures
 * scripted ahead of the next requests (a status, with a {@code Retry-After} for a 429 when asked),
 * and a clock their tokens expire by. Each subclass answers to its provider's documentation.
 * Thread-safe: requests are answered one at a time.
 */
public abstract class LoopbackApi implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One request as the provider received it. */
  public record Request(
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      String body) {}

  /** An answer: status, JSON body (null for none), extra headers. */
  record Answer(int status, Object body, Map<String, String> headers) {
    Answer(int status, Object body) {
      this(status, body, Map.of());
    }
  }

  private record Scripted(int status, Integer retryAfterSeconds) {}

  private final HttpServer server;
  private final Clock clock;
  private final Deque<Scripted> scripted = new ArrayDeque<>();
  private final List<Request> requests = new ArrayList<>();

  LoopbackApi(Clock clock) {
    this.clock = clock;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a fake on loopback", e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next requests to the API (not to its login) answer these statuses, one each. */
  public synchronized LoopbackApi failNext(int... statuses) {
    for (int status : statuses) {
      scripted.add(new Scripted(status, null));
    }
    return this;
  }

  /** The next request to the API answers 429 with {@code Retry-After: seconds}. */
  public synchronized LoopbackApi throttleNext(int retryAfterSeconds) {
    scripted.add(new Scripted(429, retryAfterSeconds));
    return this;
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests made with this method whose path starts with {@code prefix}. */
  public synchronized List<Request> requests(String method, String prefix) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.path().startsWith(prefix))
        .toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  Clock clock() {
    return clock;
  }

  /** Answers a request that passed the scripted failures, or the login (never scripted). */
  abstract Answer answer(Request request) throws IOException;

  /** Whether the request is the login, which scripted failures leave alone. */
  abstract boolean isLogin(Request request);

  /** The provider's error body for a scripted status. */
  abstract Object errorBody(int status);

  /** Whether the request is let in: false answers {@link #refusal(Request)}. */
  abstract boolean authorized(Request request);

  abstract Answer refusal(Request request);

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> headers = new LinkedHashMap<>();
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) ->
                  headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
      Request request =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              query(exchange.getRequestURI().getRawQuery()),
              headers,
              body);
      Answer answer;
      synchronized (this) {
        requests.add(request);
        answer = respond(request);
      }
      byte[] bytes =
          answer.body() == null
              ? new byte[0]
              : JSON.writeValueAsString(answer.body()).getBytes(StandardCharsets.UTF_8);
      if (bytes.length > 0) {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      }
      answer.headers().forEach(exchange.getResponseHeaders()::set);
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  private Answer respond(Request request) throws IOException {
    if (isLogin(request)) {
      return answer(request);
    }
    if (!authorized(request)) {
      return refusal(request);
    }
    Scripted failure = scripted.poll();
    if (failure != null) {
      return new Answer(
          failure.status(),
          errorBody(failure.status()),
          failure.retryAfterSeconds() == null
              ? Map.of()
              : Map.of("Retry-After", Integer.toString(failure.retryAfterSeconds())));
    }
    return answer(request);
  }

  static JsonNode json(String body) throws JsonProcessingException {
    return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
  }

  static int number(Map<String, String> query, String key, int fallback) {
    try {
      return Integer.parseInt(query.getOrDefault(key, Integer.toString(fallback)));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
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

  static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
