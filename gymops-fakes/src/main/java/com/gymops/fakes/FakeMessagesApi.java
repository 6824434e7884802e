package com.gymops.fakes;

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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A fake of the Anthropic Messages API on loopback that the real SDK talks to: {@code POST
 * /v1/messages} with the API's JSON bodies, answered by a {@link ScriptedModel}. Like the real API
 * it rejects what current models reject (sampling parameters, {@code tool_choice}, a tool_use
 * without its tool_result, a thinking block changed on its way back, more than 4 cache
 * breakpoints), answers errors as {@code {type:"error", error:{type, message}}}, and counts
 * requests, bytes and (about 4 bytes a token) input and output tokens.
 *
 * <p>Prompt caching as the API does it: a {@code cache_control} breakpoint (on a tool, a system
 * block, a message block, or top level for the last block) caches the prefix up to it, in the order
 * tools, system, messages, if that prefix is at least {@link #MIN_CACHEABLE_TOKENS} long; a later
 * request whose prefix matches a cached one reads it. The usage says so as the API does: {@code
 * input_tokens} counts only the tokens after the last cache hit or write, beside {@code
 * cache_creation_input_tokens}, {@code cache_read_input_tokens} and {@code cache_creation}. Entries
 * live {@link #CACHE_TTL} after their last use, on the clock given.
 *
 * <p>{@code GET /v1/models/{id}} answers with the models given to {@link #model}, as the Models API
 * does (lifecycle, deprecation and retirement dates), and 404 for any other id.
 *
 * <p>Thread-safe; {@code gymops bench} and the agent tests use it.
 */
public final class FakeMessagesApi implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The shortest prefix the API caches; shorter ones are sent in full each time. */
  public static final int MIN_CACHEABLE_TOKENS = 1024;

  public static final java.time.Duration CACHE_TTL = java.time.Duration.ofMinutes(5);

  static final String SIGNATURE = "sig-EqQBCkYIBxgCKkDm";

  private final HttpServer server;
  private final ScriptedModel model;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong requestBytes = new AtomicLong();
  private final AtomicLong inputTokens = new AtomicLong();
  private final AtomicLong outputTokens = new AtomicLong();
  private final Set<String> rejections = Collections.synchronizedSet(new HashSet<>());
  private final List<Long> inputTokensPerRequest = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong cacheCreationInputTokens = new AtomicLong();
  private final AtomicLong cacheReadInputTokens = new AtomicLong();
  private final AtomicLong modelRequests = new AtomicLong();
  private final Supplier<Instant> clock;
  private final Map<String, Instant> cache = new HashMap<>();
  private final Map<String, ObjectNode> models = new ConcurrentHashMap<>();

  /** A fake whose cache entries never expire: every request comes at the same instant. */
  public FakeMessagesApi(ScriptedModel model) {
    this(model, () -> Instant.EPOCH);
  }

  /**
   * @param clock the time of each request, for the cache's lifetime: the simulated time of a bench
   *     that steps through a month
   */
  public FakeMessagesApi(ScriptedModel model, Supplier<Instant> clock) {
    this.model = model;
    this.clock = clock;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/v1/messages", this::handle);
    server.createContext("/v1/models", this::handleModel);
    for (String id : List.of("claude-sonnet-5-5", "claude-opus-5-5", "claude-haiku-5-5")) {
      model(id, "active", null);
    }
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

  /** Of {@link #inputTokens}, those written to the prompt cache. */
  public long cacheCreationInputTokens() {
    return cacheCreationInputTokens.get();
  }

  /** Of {@link #inputTokens}, those read from the prompt cache. */
  public long cacheReadInputTokens() {
    return cacheReadInputTokens.get();
  }

  /** Requests to the Models API. */
  public long modelRequests() {
    return modelRequests.get();
  }

  /**
   * Serves the model at {@code GET /v1/models/{id}}.
   *
   * @param lifecycle {@code active}, {@code deprecated} or {@code retired}; null leaves the field
   *     out, as some answers do
   * @param retiresAt null when no retirement is announced
   */
  public FakeMessagesApi model(String id, String lifecycle, Instant retiresAt) {
    ObjectNode info = JSON.createObjectNode();
    info.put("type", "model");
    info.put("id", id);
    info.put("display_name", id);
    info.put("created_at", "2026-06-30T00:00:00Z");
    if (lifecycle != null) {
      info.put("lifecycle", lifecycle);
    }
    if (retiresAt == null) {
      info.putNull("deprecated_at");
      info.putNull("retires_at");
    } else {
      info.put("deprecated_at", retiresAt.minus(java.time.Duration.ofDays(180)).toString());
      info.put("retires_at", retiresAt.toString());
    }
    info.put("max_input_tokens", 1_000_000);
    info.put("max_tokens", 128_000);
    models.put(id, info);
    return this;
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
      CacheUse cached = cache(request, tokens);
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
        usage.put("input_tokens", tokens - cached.read() - cached.written());
        usage.put("cache_creation_input_tokens", cached.written());
        usage.put("cache_read_input_tokens", cached.read());
        usage
            .putObject("cache_creation")
            .put("ephemeral_5m_input_tokens", cached.written())
            .put("ephemeral_1h_input_tokens", 0);
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
    long breakpoints =
        blocks(request).stream().filter(Block::breakpoint).count()
            + (request.has("cache_control") ? 1 : 0);
    if (breakpoints > 4) {
      return "A maximum of 4 blocks with cache_control may be provided. Found " + breakpoints + ".";
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

  /** One cacheable block of the prompt, as it counts in a prefix. */
  private record Block(String text, boolean breakpoint) {}

  /** What a request read from and wrote to the cache, in tokens. */
  private record CacheUse(long read, long written) {}

  /** The prompt's blocks in cache order: tools, system, then each message's content blocks. */
  private static List<Block> blocks(JsonNode request) {
    List<Block> blocks = new ArrayList<>();
    for (JsonNode tool : request.path("tools")) {
      blocks.add(block(tool));
    }
    JsonNode system = request.path("system");
    if (system.isTextual()) {
      blocks.add(new Block(system.asText(), false));
    } else {
      system.forEach(block -> blocks.add(block(block)));
    }
    for (JsonNode message : request.path("messages")) {
      String role = message.path("role").asText();
      JsonNode content = message.path("content");
      if (content.isTextual()) {
        blocks.add(new Block(role + content.asText(), false));
      } else {
        content.forEach(block -> blocks.add(block(block)));
      }
    }
    return blocks;
  }

  private static Block block(JsonNode node) {
    ObjectNode copy = ((ObjectNode) node).deepCopy();
    boolean breakpoint = copy.remove("cache_control") != null;
    return new Block(copy.toString(), breakpoint);
  }

  /**
   * Looks the request's prefixes up in the cache: the longest cached one is read; the prefix up to
   * the last breakpoint, if longer and long enough, is written, as is each breakpoint's prefix.
   */
  private CacheUse cache(JsonNode request, long tokens) {
    List<Block> blocks = blocks(request);
    int last = -1;
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).breakpoint()) {
        last = i;
      }
    }
    if (request.has("cache_control")) {
      last = blocks.size() - 1;
    }
    if (last < 0) {
      return new CacheUse(0, 0);
    }
    Instant now = clock.get();
    List<String> hashes = new ArrayList<>(last + 1);
    long[] prefixTokens = new long[last + 1];
    MessageDigest digest = sha256();
    long bytes = 0;
    for (int i = 0; i <= last; i++) {
      byte[] text = blocks.get(i).text().getBytes(StandardCharsets.UTF_8);
      digest.update(text);
      bytes += text.length;
      prefixTokens[i] = bytes / 4;
      hashes.add(hex(copy(digest).digest()));
    }
    synchronized (cache) {
      cache.values().removeIf(expires -> !expires.isAfter(now));
      long read = 0;
      for (int i = last; i >= 0; i--) {
        if (cache.containsKey(hashes.get(i))) {
          read = prefixTokens[i];
          cache.put(hashes.get(i), now.plus(CACHE_TTL));
          break;
        }
      }
      long written = 0;
      if (prefixTokens[last] >= MIN_CACHEABLE_TOKENS && prefixTokens[last] > read) {
        written = prefixTokens[last] - read;
        for (int i = 0; i <= last; i++) {
          if ((blocks.get(i).breakpoint() || i == last)
              && prefixTokens[i] >= MIN_CACHEABLE_TOKENS) {
            cache.put(hashes.get(i), now.plus(CACHE_TTL));
          }
        }
      }
      read = Math.min(read, tokens);
      written = Math.min(written, tokens - read);
      cacheReadInputTokens.addAndGet(read);
      cacheCreationInputTokens.addAndGet(written);
      return new CacheUse(read, written);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MessageDigest copy(MessageDigest digest) {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }

  private void handleModel(HttpExchange exchange) throws IOException {
    try (exchange) {
      modelRequests.incrementAndGet();
      String path = exchange.getRequestURI().getPath();
      String id = path.substring(path.lastIndexOf('/') + 1);
      ObjectNode info = models.get(id);
      send(
          exchange,
          info == null
              ? ScriptedModel.Reply.error(404, "not_found_error", "model: " + id)
              : new ScriptedModel.Reply(200, info.deepCopy()));
    }
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
