package com.gymops.bench.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake of the Anthropic Messages API on loopback that the real SDK talks to: {@code POST
 * /v1/messages} with the API's JSON bodies, answered by a {@link ScriptedModel}. Like the real API
 * it rejects what current models reject (sampling parameters, {@code tool_choice}, a tool_use
 * without its tool_result, a thinking block changed on its way back), answers errors as {@code
 * {type:"error", error:{type, message}}}, and counts requests, bytes and (about 4 bytes a token)
 * input and output tokens. Thread-safe; {@code gymops bench} and the agent tests use it.
 */
public final class FakeMessagesApi implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SIGNATURE = "sig-EqQBCkYIBxgCKkDm";

  private final HttpServer server;
  private final ScriptedModel model;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong requestBytes = new AtomicLong();
  private final AtomicLong inputTokens = new AtomicLong();
  private final AtomicLong outputTokens = new AtomicLong();
  private final Set<String> rejections = Collections.synchronizedSet(new HashSet<>());
  private final List<Long> inputTokensPerRequest = Collections.synchronizedList(new ArrayList<>());

  public FakeMessagesApi(ScriptedModel model) {
    this.model = model;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/v1/messages", this::handle);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request received, rejected ones included. */
  public long requests() {
    return requests.get();
  }

  public long requestBytes() {
    return requestBytes.get();
  }

  /** Input tokens of the accepted requests, at about 4 bytes a token. */
  public long inputTokens() {
    return inputTokens.get();
  }

  /** The input tokens of each accepted request, in order: how the context grew. */
  public List<Long> inputTokensPerRequest() {
    synchronized (inputTokensPerRequest) {
      return List.copyOf(inputTokensPerRequest);
    }
  }

  /** Output tokens of the answers, at about 4 characters of content a token. */
  public long outputTokens() {
    return outputTokens.get();
  }

  /** What the fake answered 400 to: a request the real API would refuse. */
  public Set<String> rejections() {
    synchronized (rejections) {
      return Set.copyOf(rejections);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] bytes = exchange.getRequestBody().readAllBytes();
      requests.incrementAndGet();
      requestBytes.addAndGet(bytes.length);
      if (!"POST".equals(exchange.getRequestMethod())) {
        send(exchange, ScriptedModel.Reply.error(405, "invalid_request_error", "POST only"));
        return;
      }
      // This SDK sends the key as a bearer token; older clients send x-api-key.
      String key = exchange.getRequestHeaders().getFirst("x-api-key");
      String bearer = exchange.getRequestHeaders().getFirst("authorization");
      if ((key == null || key.isBlank()) && (bearer == null || !bearer.startsWith("Bearer "))) {
        send(exchange, ScriptedModel.Reply.error(401, "authentication_error", "invalid x-api-key"));
        return;
      }
      JsonNode request = JSON.readTree(bytes);
      String problem = problem(request);
      if (problem != null) {
        rejections.add(problem);
        send(exchange, ScriptedModel.Reply.error(400, "invalid_request_error", problem));
        return;
      }
      long tokens = bytes.length / 4;
      inputTokens.addAndGet(tokens);
      inputTokensPerRequest.add(tokens);
      ScriptedModel.Reply reply = model.respond(request);
      if (reply.status() == 200) {
        ObjectNode body = reply.body();
        body.put("id", "msg_" + requests.get());
        body.put("type", "message");
        body.put("role", "assistant");
        body.put("model", request.path("model").asText());
        if (!body.has("stop_sequence")) {
          body.putNull("stop_sequence");
        }
        ObjectNode usage = body.putObject("usage");
        usage.put("input_tokens", tokens);
        long output = Math.max(1, body.get("content").toString().length() / 4);
        outputTokens.addAndGet(output);
        usage.put("output_tokens", output);
      }
      send(exchange, reply);
    }
  }

  /** What the real API would answer 400 to, for what this project sends. */
  private static String problem(JsonNode request) {
    for (String field : new String[] {"model", "max_tokens", "messages"}) {
      if (!request.hasNonNull(field)) {
        return field + ": Field required";
      }
    }
    for (String field : new String[] {"temperature", "top_p", "top_k", "tool_choice"}) {
      if (request.has(field)) {
        return field + " is not supported by this model";
      }
    }
    ArrayNode messages = (ArrayNode) request.get("messages");
    for (int i = 0; i < messages.size(); i++) {
      JsonNode message = messages.get(i);
      if (!"assistant".equals(message.path("role").asText())) {
        continue;
      }
      Set<String> uses = new HashSet<>();
      for (JsonNode block : message.path("content")) {
        if ("tool_use".equals(block.path("type").asText())) {
          uses.add(block.path("id").asText());
        }
        if ("thinking".equals(block.path("type").asText())
            && !SIGNATURE.equals(block.path("signature").asText())) {
          return "messages." + i + ": thinking block signature is invalid";
        }
      }
      if (uses.isEmpty()) {
        continue;
      }
      if (i + 1 >= messages.size()) {
        return "messages." + i + ": tool_use ids without tool_result blocks: " + uses;
      }
      Set<String> answered = new HashSet<>();
      for (JsonNode block : messages.get(i + 1).path("content")) {
        if ("tool_result".equals(block.path("type").asText())) {
          answered.add(block.path("tool_use_id").asText());
        }
      }
      if (!answered.containsAll(uses)) {
        return "messages." + (i + 1) + ": tool_use ids without tool_result blocks: " + uses;
      }
    }
    return null;
  }

  private static void send(HttpExchange exchange, ScriptedModel.Reply reply) throws IOException {
    byte[] body = reply.body().toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("content-type", "application/json");
    exchange.getResponseHeaders().set("request-id", "req_fake");
    if (reply.status() == 429 || reply.status() >= 500) {
      // A millisecond, so the SDK's retries take no time in tests.
      exchange.getResponseHeaders().set("retry-after-ms", "1");
      exchange.getResponseHeaders().set("retry-after", "1");
    }
    exchange.sendResponseHeaders(reply.status(), body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
