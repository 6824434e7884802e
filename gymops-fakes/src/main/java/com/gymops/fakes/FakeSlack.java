package com.gymops.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A Slack incoming webhook on loopback, as Slack documents it in "Sending messages using incoming
 * webhooks" (https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks, formerly
 * https://api.slack.com/messaging/webhooks, its "Handling errors" table) and in "Rate limits"
 * (https://api.slack.com/docs/rate-limits, which names incoming webhooks):
 *
 * <ul>
 *   <li>the URL is {@code /services/T.../B.../SECRET}; any other path answers 404 {@code
 *       no_service} (a removed or mistyped webhook);
 *   <li>a POST of JSON ({@code Content-Type: application/json}) whose {@code text} is a string, or
 *       that carries {@code blocks} or {@code attachments}, answers 200 {@code ok} as {@code
 *       text/html};
 *   <li>errors are plain-text bodies: 400 {@code invalid_payload} (not JSON, or not a JSON object,
 *       or a {@code text} that is not a string), 400 {@code no_text} (nothing to post);
 *   <li>scripted: 410 {@code channel_is_archived}, 403 {@code action_prohibited}, 404 {@code
 *       no_service} (the webhook disabled), 429 with {@code Retry-After} seconds, 500.
 * </ul>
 *
 * Keeps every request, the body as received.
 */
public final class FakeSlack implements AutoCloseable {
  /** The webhook's secret, as Slack puts the last path segment: 24 letters and digits. */
  public static final String SECRET = "Xq7bT3kLm9Pz2Rv5Wn8Yc4Hd";

  public static final String PATH = "/services/T0000TEST/B0000TEST/" + SECRET;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as Slack received it. */
  public record Request(String method, String path, String contentType, String body) {
    /** The {@code text} field of the JSON body, or null. */
    public String text() {
      try {
        JsonNode text = JSON.readTree(body).get("text");
        return text == null || !text.isTextual() ? null : text.asText();
      } catch (IOException e) {
        return null;
      }
    }
  }

  /** A scripted answer: Slack's status and plain-text body, and its headers. */
  public record Answer(int status, String body, Map<String, String> headers) {
    public static Answer ok() {
      return new Answer(200, "ok", Map.of());
    }

    public static Answer error(int status, String code) {
      return new Answer(status, code, Map.of());
    }

    public static Answer channelArchived() {
      return error(410, "channel_is_archived");
    }

    public static Answer actionProhibited() {
      return error(403, "action_prohibited");
    }

    public static Answer noService() {
      return error(404, "no_service");
    }

    public static Answer tooManyRequests(int retryAfterSeconds) {
      return new Answer(429, "rate_limited", Map.of("Retry-After", "" + retryAfterSeconds));
    }

    public static Answer serverError() {
      return new Answer(500, "internal_error", Map.of());
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<String> posted = new ArrayList<>();

  private FakeSlack(HttpServer server) {
    this.server = server;
  }

  public static FakeSlack start() {
    LoopbackServers.answerWithoutDelay();
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FakeSlack fake = new FakeSlack(server);
      server.createContext("/", fake::handle);
      server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake Slack", e);
    }
  }

  /** The webhook's URL, secret included (what GYMOPS_SLACK_WEBHOOK_URL would hold). */
  public String webhookUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /** Answers the next valid posts with these, in order; then 200 {@code ok} again. */
  public synchronized FakeSlack script(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The texts of the posts Slack accepted, in order. */
  public synchronized List<String> posted() {
    return List.copyOf(posted);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request request =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              body);
      Answer answer = answer(request);
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      exchange.getResponseHeaders().add("Content-Type", "text/html");
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private synchronized Answer answer(Request request) {
    requests.add(request);
    if (!request.path().equals(PATH) || !request.method().equals("POST")) {
      return Answer.noService();
    }
    if (request.contentType() == null || !request.contentType().startsWith("application/json")) {
      return Answer.error(400, "invalid_payload");
    }
    JsonNode payload;
    try {
      payload = JSON.readTree(request.body());
    } catch (IOException e) {
      return Answer.error(400, "invalid_payload");
    }
    if (payload == null || !payload.isObject()) {
      return Answer.error(400, "invalid_payload");
    }
    JsonNode text = payload.get("text");
    if (text != null && !text.isTextual()) {
      return Answer.error(400, "invalid_payload");
    }
    boolean hasText = text != null && !text.asText().isBlank();
    if (!hasText && !payload.has("blocks") && !payload.has("attachments")) {
      return Answer.error(400, "no_text");
    }
    Answer scripted = script.poll();
    if (scripted != null) {
      return scripted;
    }
    posted.add(hasText ? text.asText() : "");
    return Answer.ok();
  }
}
