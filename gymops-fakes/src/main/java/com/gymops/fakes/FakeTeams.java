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
import java.util.List;
import java.util.Map;

/**
 * Microsoft Teams' two kinds of incoming webhook on loopback, as Microsoft Learn documents them:
 *
 * <ul>
 *   <li>a <b>Workflows</b> webhook ("When a Teams webhook request is received", the replacement of
 *       the retiring Office 365 connectors: "Create incoming webhooks with Workflows for Microsoft
 *       Teams", https://support.microsoft.com/office/8ae491c7-0394-4861-ba59-055e33f75498, and
 *       "Create and send messages",
 *       https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using):
 *       {@code
 *       /workflows/ID/triggers/manual/paths/invoke?api-version=...&sp=...&sv=1.0&sig=SECRET}; it
 *       takes Adaptive Cards only and answers 202 Accepted with an empty body; a missing or wrong
 *       {@code sig} answers 401 with the Logic Apps error JSON;
 *   <li>an <b>incoming webhook</b> ("Create an Incoming Webhook",
 *       https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook):
 *       {@code /webhookb2/GUID@GUID/IncomingWebhook/ID/GUID/KEY}; answers 200 with the body {@code
 *       1}; a MessageCard without {@code text} or {@code summary} answers 400 {@code Summary or
 *       Text is required.}
 * </ul>
 *
 * Both take the message JSON with one Adaptive Card attachment ({@code {"type": "message",
 * "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive", "content": {"type":
 * "AdaptiveCard", ...}}]}}, "Send Adaptive Cards using an Incoming Webhook"); a body that is not
 * JSON, or a card that is not an AdaptiveCard, answers 400. Scripted: 429 with {@code Retry-After}
 * (the pages' "HTTP 429 responses": more than four requests a second are throttled), 500. Keeps
 * every request.
 */
public final class FakeTeams implements AutoCloseable {
  public static final String SIG = "kT3x9QwZr7mN2pL5vB8cY1dF4gH6jS0aE";
  public static final String WORKFLOW_PATH =
      "/workflows/0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e/triggers/manual/paths/invoke";
  public static final String CONNECTOR_KEY = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
  public static final String CONNECTOR_PATH =
      "/webhookb2/11111111-2222-3333-4444-555555555555@66666666-7777-8888-9999-000000000000"
          + "/IncomingWebhook/"
          + CONNECTOR_KEY
          + "/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee/V2"
          + CONNECTOR_KEY;

  static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as Teams received it. */
  public record Request(String method, String path, String query, String body) {
    /** The Adaptive Card's TextBlock texts, in order; empty when the body holds no card. */
    public List<String> cardTexts() {
      List<String> texts = new ArrayList<>();
      try {
        JsonNode card = JSON.readTree(body).path("attachments").path(0).path("content");
        card.path("body").forEach(block -> texts.add(block.path("text").asText()));
      } catch (IOException e) {
        // no card
      }
      return texts;
    }
  }

  /** A scripted answer. */
  public record Answer(int status, String body, String contentType, Map<String, String> headers) {
    public static Answer tooManyRequests(int retryAfterSeconds) {
      return new Answer(
          429,
          logicAppsError("WorkflowRequestsThrottled", "The requests were throttled."),
          "application/json; charset=utf-8",
          Map.of("Retry-After", "" + retryAfterSeconds));
    }

    public static Answer serverError() {
      return new Answer(
          500,
          logicAppsError("ServiceUnavailable", "The service is temporarily unavailable."),
          "application/json; charset=utf-8",
          Map.of());
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<Request> posted = new ArrayList<>();

  private FakeTeams(HttpServer server) {
    this.server = server;
  }

  public static FakeTeams start() {
    LoopbackServers.answerWithoutDelay();
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FakeTeams fake = new FakeTeams(server);
      server.createContext("/", fake::handle);
      server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake Teams", e);
    }
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A Workflows webhook URL, signature included. */
  public String workflowUrl() {
    return base()
        + WORKFLOW_PATH
        + "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig="
        + SIG;
  }

  /** An incoming-webhook (connector) URL, key included. */
  public String connectorUrl() {
    return base() + CONNECTOR_PATH;
  }

  /** Answers the next valid posts with these, in order; then success again. */
  public synchronized FakeTeams script(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests Teams accepted, in order. */
  public synchronized List<Request> posted() {
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
              exchange.getRequestURI().getRawQuery(),
              body);
      Answer answer = answer(request);
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      if (answer.contentType() != null) {
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
      }
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  private synchronized Answer answer(Request request) {
    requests.add(request);
    boolean workflow = request.path().equals(WORKFLOW_PATH);
    boolean connector = request.path().equals(CONNECTOR_PATH);
    if (!workflow && !connector) {
      return workflowError(404, "NotFound", "The resource was not found.");
    }
    if (workflow) {
      String sig = query(request.query()).get("sig");
      if (sig == null) {
        return workflowError(
            401,
            "DirectApiAuthorizationRequired",
            "The request must be authenticated only by Shared Access scheme.");
      }
      if (!sig.equals(SIG)) {
        return workflowError(
            401,
            "DirectApiInvalidAuthorizationSignature",
            "The provided authentication token is not valid.");
      }
    }
    if (!request.method().equals("POST")) {
      return workflowError(405, "MethodNotAllowed", "The HTTP method is not allowed.");
    }
    JsonNode payload;
    try {
      payload = JSON.readTree(request.body());
    } catch (IOException e) {
      payload = null;
    }
    if (payload == null || !payload.isObject()) {
      return workflow
          ? workflowError(400, "InvalidRequestContent", "The request content is not valid JSON.")
          : plain(400, "Bad payload received by generic incoming webhook.");
    }
    JsonNode attachments = payload.path("attachments");
    if (!attachments.isArray() || attachments.isEmpty()) {
      if (connector && !payload.hasNonNull("text") && !payload.hasNonNull("summary")) {
        return plain(400, "Summary or Text is required.");
      }
      if (workflow) {
        return workflowError(
            400, "InvalidRequestContent", "The message has no Adaptive Card attachment.");
      }
    } else {
      JsonNode attachment = attachments.get(0);
      if (!ADAPTIVE_CARD.equals(attachment.path("contentType").asText())
          || !"AdaptiveCard".equals(attachment.path("content").path("type").asText())
          || !"message".equals(payload.path("type").asText())) {
        return workflow
            ? workflowError(
                400, "InvalidRequestContent", "The attachment is not an Adaptive Card message.")
            : plain(400, "Bad payload received by generic incoming webhook.");
      }
    }
    Answer scripted = script.poll();
    if (scripted != null) {
      return scripted;
    }
    posted.add(request);
    return workflow ? new Answer(202, "", null, Map.of()) : plain(200, "1");
  }

  private static Answer plain(int status, String body) {
    return new Answer(status, body, "text/plain; charset=utf-8", Map.of());
  }

  private static Answer workflowError(int status, String code, String message) {
    return new Answer(
        status, logicAppsError(code, message), "application/json; charset=utf-8", Map.of());
  }

  static String logicAppsError(String code, String message) {
    return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
  }

  private static Map<String, String> query(String query) {
    Map<String, String> fields = new HashMap<>();
    if (query == null) {
      return fields;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        fields.put(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }
}
