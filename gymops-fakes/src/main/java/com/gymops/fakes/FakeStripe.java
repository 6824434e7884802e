package com.gymops.fakes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stripe on loopback: its invoices API and its webhook deliveries, to Stripe's public docs.
 *
 * <ul>
 *   <li>Webhooks ("Verify webhook signatures manually", https://docs.stripe.com/webhooks): an Event
 *       object ({@code id}, {@code object: "event"}, {@code api_version}, {@code created}, {@code
 *       data.object}, {@code livemode}, {@code pending_webhooks}, {@code request}, {@code type};
 *       https://docs.stripe.com/api/events/object) POSTed as JSON with {@code Stripe-Signature:
 *       t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload" keyed with the endpoint's whsec_
 *       secret>}. {@link #deliver} signs exactly so; a test may sign with another secret or time to
 *       forge or age a delivery.
 *   <li>The Invoice object (https://docs.stripe.com/api/invoices/object): {@code id} ({@code
 *       in_...}), {@code object: "invoice"}, {@code customer}, {@code currency: "usd"}, {@code
 *       amount_due}, {@code amount_paid}, {@code amount_remaining} (cents), {@code attempt_count},
 *       {@code attempted}, {@code next_payment_attempt} (unix seconds or null), {@code status}
 *       ({@code open}, {@code paid}), {@code status_transitions.paid_at}, {@code
 *       hosted_invoice_url}, {@code collection_method: "charge_automatically"}.
 *   <li>{@code GET /v1/invoices/{id}} (https://docs.stripe.com/api/invoices/retrieve) and {@code
 *       GET /v1/invoices?customer=&limit=&starting_after=}
 *       (https://docs.stripe.com/api/pagination): {@code {"object": "list", "url": "/v1/invoices",
 *       "has_more", "data"}}, newest first, {@code limit} 1-100 (default 10).
 *   <li>Errors as https://docs.stripe.com/api/errors: {@code {"error": {"type", "code",
 *       "message"}}}; 401 without the Bearer secret key ({@code invalid_request_error}), 404 {@code
 *       resource_missing}, and scripted 429 ({@code rate_limit}) and 5xx ({@code api_error}).
 * </ul>
 *
 * Keeps every request. Thread-safe.
 */
public final class FakeStripe implements AutoCloseable {
  public static final String API_KEY = "sk_test_fakegymops";
  public static final String WEBHOOK_SECRET = "whsec_fakegymopssigningsecret";
  private static final String API_VERSION = "2024-06-20";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as Stripe received it. */
  public record Request(String method, String path, String query, String authorization) {}

  private record Answer(int status, String body) {}

  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final Map<String, Map<String, Object>> invoices = new LinkedHashMap<>();
  private final Deque<Integer> scripted = new ArrayDeque<>();
  private final List<Request> requests = new ArrayList<>();
  private int sequence;

  private FakeStripe(HttpServer server) {
    this.server = server;
  }

  public static FakeStripe start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FakeStripe fake = new FakeStripe(server);
      server.createContext("/", fake::handle);
      server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake Stripe", e);
    }
  }

  /** The API root, as {@code payments.stripe.base_url}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * An invoice Stripe tried to charge and could not: {@code open}, owing {@code cents}, tried
   * {@code attemptCount} times, next try at {@code nextAttempt} (unix seconds; null when Stripe
   * will not try again).
   *
   * @return its id
   */
  public synchronized String failedInvoice(
      String customer, long cents, int attemptCount, Long nextAttempt, long created) {
    String id = "in_" + String.format("%024d", ++sequence);
    Map<String, Object> invoice = new LinkedHashMap<>();
    invoice.put("id", id);
    invoice.put("object", "invoice");
    invoice.put("amount_due", cents);
    invoice.put("amount_paid", 0L);
    invoice.put("amount_remaining", cents);
    invoice.put("attempt_count", attemptCount);
    invoice.put("attempted", true);
    invoice.put("billing_reason", "subscription_cycle");
    invoice.put("collection_method", "charge_automatically");
    invoice.put("created", created);
    invoice.put("currency", "usd");
    invoice.put("customer", customer);
    invoice.put("hosted_invoice_url", "https://invoice.stripe.com/i/acct_fake/test_" + id);
    invoice.put("livemode", false);
    invoice.put("next_payment_attempt", nextAttempt);
    invoice.put("status", "open");
    Map<String, Object> transitions = new LinkedHashMap<>();
    transitions.put("finalized_at", created);
    transitions.put("paid_at", null);
    invoice.put("status_transitions", transitions);
    invoices.put(id, invoice);
    return id;
  }

  /** Stripe retried and failed again: one more attempt, the next at {@code nextAttempt}. */
  public synchronized void failedAgain(String invoiceId, Long nextAttempt) {
    Map<String, Object> invoice = invoice(invoiceId);
    invoice.put("attempt_count", ((Number) invoice.get("attempt_count")).intValue() + 1);
    invoice.put("next_payment_attempt", nextAttempt);
  }

  /** The member paid the whole invoice at {@code paidAt} (unix seconds). */
  @SuppressWarnings("unchecked")
  public synchronized void pay(String invoiceId, long paidAt) {
    Map<String, Object> invoice = invoice(invoiceId);
    invoice.put("amount_paid", invoice.get("amount_due"));
    invoice.put("amount_remaining", 0L);
    invoice.put("next_payment_attempt", null);
    invoice.put("status", "paid");
    ((Map<String, Object>) invoice.get("status_transitions")).put("paid_at", paidAt);
  }

  /** Removes the hosted page from the invoice, as in an event that has none. */
  public synchronized void withoutHostedUrl(String invoiceId) {
    invoice(invoiceId).put("hosted_invoice_url", null);
  }

  /** An Event of {@code type} about the invoice as it stands now, as Stripe would POST it. */
  public synchronized String event(String type, String invoiceId, long created) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", "evt_" + String.format("%024d", ++sequence));
    event.put("object", "event");
    event.put("api_version", API_VERSION);
    event.put("created", created);
    event.put("data", Map.of("object", new LinkedHashMap<>(invoice(invoiceId))));
    event.put("livemode", false);
    event.put("pending_webhooks", 1);
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("id", null);
    request.put("idempotency_key", null);
    event.put("request", request);
    event.put("type", type);
    try {
      return JSON.writeValueAsString(event);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code Stripe-Signature} for the payload signed at {@code timestamp} with {@code secret}. */
  public static String signatureHeader(String payload, long timestamp, String secret) {
    byte[] signed = WebhookDelivery.hmacSha256(secret, timestamp + "." + payload);
    return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signed);
  }

  /**
   * POSTs the event to {@code url} signed as Stripe signs it, with the fake's secret, at {@code
   * timestamp}.
   */
  public WebhookDelivery deliver(String url, String payload, long timestamp) {
    return deliver(url, payload, signatureHeader(payload, timestamp, WEBHOOK_SECRET));
  }

  /** POSTs the event with this {@code Stripe-Signature} (null: none). */
  public WebhookDelivery deliver(String url, String payload, String signature) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json; charset=utf-8");
    headers.put("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
    headers.put("Stripe-Signature", signature);
    return WebhookDelivery.post(client, url, headers, payload);
  }

  /** The next API requests with a good key answer these HTTP statuses, one each. */
  public synchronized FakeStripe failNext(int... statuses) {
    for (int status : statuses) {
      scripted.add(status);
    }
    return this;
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private Map<String, Object> invoice(String id) {
    Map<String, Object> invoice = invoices.get(id);
    if (invoice == null) {
      throw new IllegalArgumentException("no invoice " + id);
    }
    return invoice;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      String query = exchange.getRequestURI().getRawQuery();
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      Answer answer;
      synchronized (this) {
        requests.add(new Request(exchange.getRequestMethod(), path, query, authorization));
        answer = answer(exchange.getRequestMethod(), path, query, authorization);
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Request-Id", "req_fake" + requests.size());
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private Answer answer(String method, String path, String query, String authorization)
      throws IOException {
    if (!("Bearer " + API_KEY).equals(authorization)) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put(
          "message",
          authorization == null
              ? "You did not provide an API key. You need to provide your API key in the"
                  + " Authorization header, using Bearer auth."
              : "Invalid API Key provided: sk_test_****");
      error.put("type", "invalid_request_error");
      return new Answer(401, JSON.writeValueAsString(Map.of("error", error)));
    }
    Integer failure = scripted.poll();
    if (failure != null) {
      return failure == 429
          ? error(
              429,
              "invalid_request_error",
              "rate_limit",
              "Too many requests hit the API too quickly.")
          : error(failure, "api_error", null, "An unknown error occurred on Stripe's end.");
    }
    if (!method.equals("GET")) {
      return error(
          404,
          "invalid_request_error",
          null,
          "Unrecognized request URL (" + method + ": " + path + ").");
    }
    if (path.startsWith("/v1/invoices/")) {
      String id = path.substring("/v1/invoices/".length());
      Map<String, Object> invoice = invoices.get(id);
      if (invoice == null) {
        return error(
            404, "invalid_request_error", "resource_missing", "No such invoice: '" + id + "'");
      }
      return new Answer(200, JSON.writeValueAsString(invoice));
    }
    if (path.equals("/v1/invoices")) {
      return list(query);
    }
    return error(
        404, "invalid_request_error", null, "Unrecognized request URL (GET: " + path + ").");
  }

  private Answer list(String rawQuery) throws IOException {
    Map<String, String> query = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          query.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    int limit;
    try {
      limit = Integer.parseInt(query.getOrDefault("limit", "10"));
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > 100) {
      return error(
          400,
          "invalid_request_error",
          "parameter_invalid_integer",
          "Invalid integer: " + query.get("limit"));
    }
    List<Map<String, Object>> newestFirst = new ArrayList<>(invoices.values());
    java.util.Collections.reverse(newestFirst);
    String customer = query.get("customer");
    if (customer != null) {
      newestFirst.removeIf(invoice -> !customer.equals(invoice.get("customer")));
    }
    int from = 0;
    String after = query.get("starting_after");
    if (after != null) {
      int at = -1;
      for (int i = 0; i < newestFirst.size(); i++) {
        if (newestFirst.get(i).get("id").equals(after)) {
          at = i;
        }
      }
      if (at < 0) {
        return error(
            400, "invalid_request_error", "resource_missing", "No such invoice: '" + after + "'");
      }
      from = at + 1;
    }
    int to = Math.min(newestFirst.size(), from + limit);
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("object", "list");
    list.put("url", "/v1/invoices");
    list.put("has_more", to < newestFirst.size());
    list.put("data", newestFirst.subList(from, to));
    return new Answer(200, JSON.writeValueAsString(list));
  }

  private static Answer error(int status, String type, String code, String message)
      throws IOException {
    Map<String, Object> error = new LinkedHashMap<>();
    if (code != null) {
      error.put("code", code);
    }
    error.put("message", message);
    error.put("type", type);
    return new Answer(status, JSON.writeValueAsString(Map.of("error", error)));
  }
}
