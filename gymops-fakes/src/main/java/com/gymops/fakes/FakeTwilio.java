package com.gymops.fakes;

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
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Twilio's Messages API on loopback, as strict as the real one about what GymOps relies on: the
 * path with the account SID, HTTP basic auth, a form-encoded body with {@code To}, {@code Body} and
 * exactly one of {@code From} and {@code MessagingServiceSid}. It answers 201 with a Twilio-shaped
 * message ({@code sid} "SM...", {@code status} "queued"), or what the test scripted for a number:
 * Twilio's error JSON with a code, a 429 with {@code Retry-After}, a 500. Keeps every request.
 * {@code gymops bench} (its dispatch scenario) and the Twilio tests use it.
 */
public final class FakeTwilio implements AutoCloseable {
  public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
  public static final String AUTH_TOKEN = "test-auth-token";
  public static final String FROM = "+15005550006";

  /** One request as Twilio received it. */
  public record Request(
      String method, String path, String authorization, Map<String, String> form) {
    public String to() {
      return form.get("To");
    }
  }

  /** A scripted answer. */
  public record Answer(int status, String body, Map<String, String> headers) {
    public static Answer error(int status, int code, String message) {
      return new Answer(
          status,
          "{\"code\": "
              + code
              + ", \"message\": \""
              + message
              + "\", \"more_info\": \"https://www.twilio.com/docs/errors/"
              + code
              + "\", \"status\": "
              + status
              + "}",
          Map.of());
    }

    public static Answer optedOut() {
      return error(400, 21610, "Attempt to send to unsubscribed recipient");
    }

    public static Answer invalidNumber() {
      return error(400, 21211, "Invalid 'To' Phone Number");
    }

    public static Answer notMobile() {
      return error(400, 21614, "'To' number is not a valid mobile number");
    }

    public static Answer tooManyRequests(int retryAfterSeconds) {
      Answer error = error(429, 20429, "Too Many Requests");
      return new Answer(429, error.body(), Map.of("Retry-After", "" + retryAfterSeconds));
    }

    public static Answer serverError() {
      return error(500, 20500, "Internal Server Error");
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final Map<String, Deque<Answer>> scripts = new HashMap<>();
  private final AtomicInteger sids = new AtomicInteger();

  private FakeTwilio(HttpServer server) {
    this.server = server;
  }

  public static FakeTwilio start() {
    LoopbackServers.answerWithoutDelay();
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FakeTwilio fake = new FakeTwilio(server);
      server.createContext("/", fake::handle);
      server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake Twilio", e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The environment GymOps reads Twilio's settings from, pointed at this fake. */
  public Map<String, String> environment() {
    return Map.of(
        "TWILIO_ACCOUNT_SID", ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN", AUTH_TOKEN,
        "TWILIO_FROM", FROM,
        "TWILIO_BASE_URL", baseUrl());
  }

  /** Answers the next messages to {@code to} with these, in order; then 201 again. */
  public synchronized FakeTwilio script(String to, Answer... answers) {
    scripts.computeIfAbsent(to, key -> new ArrayDeque<>()).addAll(List.of(answers));
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
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> form = parseForm(body);
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      Request request =
          new Request(
              exchange.getRequestMethod(), exchange.getRequestURI().getPath(), authorization, form);
      Answer answer =
          request.method().equals("GET")
              ? lookup(request, exchange.getRequestURI().getRawQuery())
              : answer(request, exchange.getRequestHeaders().getFirst("Content-Type"));
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** The account ({@code status: active}) and its one number, {@link #FROM}, as GETs. */
  private synchronized Answer lookup(Request request, String query) {
    requests.add(request);
    String account = "/2010-04-01/Accounts/" + ACCOUNT_SID;
    if (!authorized(request)) {
      return Answer.error(401, 20003, "Authenticate");
    }
    if (request.path().equals(account + ".json")) {
      return new Answer(
          200, "{\"sid\": \"" + ACCOUNT_SID + "\", \"status\": \"active\"}", Map.of());
    }
    if (request.path().equals(account + "/IncomingPhoneNumbers.json")) {
      String asked = parseForm(query == null ? "" : query).get("PhoneNumber");
      String numbers = FROM.equals(asked) ? "[{\"phone_number\": \"" + FROM + "\"}]" : "[]";
      return new Answer(200, "{\"incoming_phone_numbers\": " + numbers + "}", Map.of());
    }
    return Answer.error(404, 20404, "The requested resource " + request.path() + " was not found");
  }

  private static boolean authorized(Request request) {
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
    return expected.equals(request.authorization());
  }

  private synchronized Answer answer(Request request, String contentType) {
    requests.add(request);
    String expectedPath = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    if (!request.path().equals(expectedPath) || !request.method().equals("POST")) {
      return Answer.error(
          404, 20404, "The requested resource " + request.path() + " was not found");
    }
    if (!authorized(request)) {
      return Answer.error(401, 20003, "Authenticate");
    }
    if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
      return Answer.error(400, 20001, "Unsupported content type");
    }
    Map<String, String> form = request.form();
    if (form.get("To") == null) {
      return Answer.error(400, 21604, "A 'To' phone number is required.");
    }
    if (form.get("Body") == null || form.get("Body").isEmpty()) {
      return Answer.error(400, 21602, "Message body is required.");
    }
    if ((form.get("From") == null) == (form.get("MessagingServiceSid") == null)) {
      return Answer.error(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required");
    }
    Deque<Answer> script = scripts.get(form.get("To"));
    if (script != null && !script.isEmpty()) {
      return script.poll();
    }
    String sid = String.format("SM%032d", sids.incrementAndGet());
    return new Answer(
        201,
        "{\"sid\": \""
            + sid
            + "\", \"account_sid\": \""
            + ACCOUNT_SID
            + "\", \"to\": \""
            + form.get("To")
            + "\", \"status\": \"queued\", \"num_segments\": \"1\", \"error_code\": null}",
        Map.of());
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      form.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return form;
  }
}
