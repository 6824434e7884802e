package com.gymops.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Square on loopback: its Orders and Invoices APIs and its webhook deliveries, to Square's public
 * docs.
 *
 * <ul>
 *   <li>Webhooks (https://developer.squareup.com/docs/webhooks/step3validate; the event payload of
 *       https://developer.squareup.com/reference/square/webhooks/invoice.payment_made): {@code
 *       {"merchant_id", "type", "event_id", "created_at", "data": {"type": "invoice", "id",
 *       "object": {"invoice": {...}}}}} POSTed with {@code x-square-hmacsha256-signature}, the
 *       base64 HMAC-SHA256 of the notification URL followed by the body, keyed with the
 *       subscription's signature key. {@link #deliver} signs exactly so, with the URL Square was
 *       given (which need not be where the POST lands, as behind a proxy).
 *   <li>{@code POST /v2/orders} (CreateOrder,
 *       https://developer.squareup.com/reference/square/orders-api/create-order): {@code
 *       {"idempotency_key", "order": {"location_id", "customer_id", "line_items": [{"name",
 *       "quantity", "base_price_money"}]}}}, {@code location_id} required and the fake's {@link
 *       #LOCATION_ID}; answered {@code {"order": {"id", "location_id", "customer_id", "line_items"
 *       (each with its {@code uid} and {@code total_money}), "total_money", "state": "OPEN",
 *       "version": 1, "created_at", "updated_at"}}}.
 *   <li>The Invoice object: {@code id}, {@code version}, {@code location_id}, {@code order_id},
 *       {@code primary_recipient.customer_id}, {@code payment_requests[]} ({@code uid}, {@code
 *       request_type}, {@code due_date}, {@code computed_amount_money}, {@code
 *       total_completed_amount_money}, Money as {@code {"amount": cents, "currency": "USD"}}),
 *       {@code delivery_method}, {@code status} ({@code DRAFT}, {@code UNPAID}, {@code PAID}),
 *       {@code public_url} (once published), {@code created_at}, {@code updated_at}.
 *   <li>{@code POST /v2/invoices} (CreateInvoice,
 *       https://developer.squareup.com/reference/square/invoices-api/create-invoice, and
 *       https://developer.squareup.com/docs/invoices-api/create-publish-invoices): a {@code DRAFT},
 *       version 0, its amount from the order (made by CreateOrder, or put by a test with {@link
 *       #putOrder}), which must be at the invoice's location and have no invoice yet; {@code POST
 *       /v2/invoices/{id}/publish} with {@code version} (PublishInvoice,
 *       https://developer.squareup.com/reference/square/invoices-api/publish-invoice: refused
 *       unless the version is the current one; a published invoice gets its {@code public_url},
 *       with {@code SHARE_MANUALLY} too, which is how an application shares it itself); {@code GET
 *       /v2/invoices/{id}} (GetInvoice): each answered {@code {"invoice": {...}}}.
 *   <li>Idempotency
 *       (https://developer.squareup.com/docs/build-basics/common-api-patterns/idempotency): a POST
 *       with an {@code idempotency_key} used before with the same body gets the first answer again
 *       and changes nothing; with another body, 400 {@code IDEMPOTENCY_KEY_REUSED}.
 *   <li>Every call needs {@code Authorization: Bearer <access token>} and is recorded with its
 *       {@code Square-Version}. Errors as Square's {@code {"errors": [{"category", "code",
 *       "detail", "field"}]}}: 401 {@code AUTHENTICATION_ERROR}/{@code UNAUTHORIZED}, 404 {@code
 *       NOT_FOUND}, 400 {@code VERSION_MISMATCH}, {@code MISSING_REQUIRED_PARAMETER}, and scripted
 *       429 ({@code RATE_LIMIT_ERROR}/{@code RATE_LIMITED}) and 5xx ({@code API_ERROR}).
 * </ul>
 *
 * Keeps every request. Thread-safe.
 */
public final class FakeSquare implements AutoCloseable {
  public static final String ACCESS_TOKEN = "EAAAfakegymopsaccesstoken";
  public static final String SIGNATURE_KEY = "fake-gymops-signature-key";
  public static final String MERCHANT_ID = "MLFAKEGYMOPS";

  /** The seller's one location, as {@code payments.square.location_id}. */
  public static final String LOCATION_ID = "LFAKEGYMOPS";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PUBLISH = Pattern.compile("/v2/invoices/([^/]+)/publish");
  private static final Pattern INVOICE = Pattern.compile("/v2/invoices/([^/]+)");

  /** One request as Square received it. */
  public record Request(String method, String path, String squareVersion, String body) {}

  private record Answer(int status, Object body) {}

  /** A POST's body and answer, kept by its idempotency key. */
  private record Remembered(JsonNode request, Answer answer) {}

  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final Map<String, Map<String, Object>> invoices = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> orders = new LinkedHashMap<>();
  private final Map<String, Remembered> idempotent = new HashMap<>();
  private final Deque<Integer> scripted = new ArrayDeque<>();
  private final List<Request> requests = new ArrayList<>();
  private int sequence;

  private FakeSquare(HttpServer server) {
    this.server = server;
  }

  public static FakeSquare start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FakeSquare fake = new FakeSquare(server);
      server.createContext("/", fake::handle);
      server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake Square", e);
    }
  }

  /** The API root, as {@code payments.square.base_url}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** An order of {@code cents}, which an invoice created for it bills. */
  public synchronized void putOrder(String orderId, long cents) {
    orders.put(orderId, order(orderId, null, "Balance", cents));
  }

  /** The orders Square holds now, by id. */
  public synchronized Map<String, Map<String, Object>> ordersNow() {
    Map<String, Map<String, Object>> copies = new LinkedHashMap<>();
    orders.forEach((id, order) -> copies.put(id, copy(order)));
    return copies;
  }

  /** The invoices Square holds now, by id. */
  public synchronized Map<String, Map<String, Object>> invoicesNow() {
    Map<String, Map<String, Object>> copies = new LinkedHashMap<>();
    invoices.forEach((id, invoice) -> copies.put(id, copy(invoice)));
    return copies;
  }

  /**
   * A published invoice whose scheduled card charge failed: {@code UNPAID}, owing {@code cents},
   * with its {@code public_url}.
   *
   * @return its id
   */
  public synchronized String unpaidInvoice(String customerId, long cents) {
    String order = "order-" + (++sequence);
    orders.put(order, order(order, customerId, "Membership", cents));
    Map<String, Object> invoice =
        draft(customerId, order, "EMAIL", "CARD_ON_FILE", LOCATION_ID, "2026-12-06");
    publish(invoice);
    return (String) invoice.get("id");
  }

  /** The member paid the whole invoice (on its page or at the desk). */
  @SuppressWarnings("unchecked")
  public synchronized void pay(String invoiceId) {
    Map<String, Object> invoice = invoice(invoiceId);
    for (Map<String, Object> request :
        (List<Map<String, Object>>) invoice.get("payment_requests")) {
      request.put("total_completed_amount_money", request.get("computed_amount_money"));
    }
    invoice.put("status", "PAID");
    touch(invoice);
  }

  /** An event of {@code type} about the invoice as it stands now, as Square would POST it. */
  public synchronized String event(String type, String invoiceId, Instant created) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("invoice", copy(invoice(invoiceId)));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", "invoice");
    data.put("id", invoiceId);
    data.put("object", object);
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("merchant_id", MERCHANT_ID);
    event.put("type", type);
    event.put("event_id", UUID.randomUUID().toString());
    event.put("created_at", created.toString());
    event.put("data", data);
    try {
      return JSON.writeValueAsString(event);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code x-square-hmacsha256-signature} of {@code body} sent to {@code notificationUrl}. */
  public static String signature(String notificationUrl, String body, String signatureKey) {
    return Base64.getEncoder()
        .encodeToString(WebhookDelivery.hmacSha256(signatureKey, notificationUrl + body));
  }

  /**
   * POSTs the event to {@code url}, signed for {@code notificationUrl} (what Square was told) with
   * the fake's signature key.
   */
  public WebhookDelivery deliver(String url, String notificationUrl, String body) {
    return deliverSigned(url, body, signature(notificationUrl, body, SIGNATURE_KEY));
  }

  /** POSTs the event with this signature header (null: none). */
  public WebhookDelivery deliverSigned(String url, String body, String signature) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("square-environment", "Sandbox");
    headers.put("x-square-hmacsha256-signature", signature);
    return WebhookDelivery.post(client, url, headers, body);
  }

  /** The next API requests with a good token answer these HTTP statuses, one each. */
  public synchronized FakeSquare failNext(int... statuses) {
    for (int status : statuses) {
      scripted.add(status);
    }
    return this;
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The invoice as Square holds it now. */
  public synchronized Map<String, Object> invoiceNow(String id) {
    return copy(invoice(id));
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

  private Map<String, Object> order(String id, String customerId, String name, long cents) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("uid", UUID.randomUUID().toString());
    item.put("name", name);
    item.put("quantity", "1");
    item.put("base_price_money", money(cents));
    item.put("total_money", money(cents));
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("id", id);
    order.put("location_id", LOCATION_ID);
    if (customerId != null) {
      order.put("customer_id", customerId);
    }
    order.put("line_items", new ArrayList<>(List.of(item)));
    order.put("total_money", money(cents));
    order.put("state", "OPEN");
    order.put("version", 1);
    order.put("created_at", Instant.now().toString());
    order.put("updated_at", Instant.now().toString());
    return order;
  }

  private static long orderCents(Map<String, Object> order) {
    return ((Number) ((Map<?, ?>) order.get("total_money")).get("amount")).longValue();
  }

  private Map<String, Object> draft(
      String customerId,
      String orderId,
      String deliveryMethod,
      String automaticSource,
      String locationId,
      String dueDate) {
    String id = "inv:0-ChC" + String.format("%016d", ++sequence);
    long cents = orderCents(orders.get(orderId));
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("uid", UUID.randomUUID().toString());
    request.put("request_type", "BALANCE");
    request.put("due_date", dueDate);
    request.put("tipping_enabled", false);
    request.put("automatic_payment_source", automaticSource);
    request.put("computed_amount_money", money(cents));
    request.put("total_completed_amount_money", money(0));
    Map<String, Object> invoice = new LinkedHashMap<>();
    invoice.put("id", id);
    invoice.put("version", 0);
    invoice.put("location_id", locationId);
    invoice.put("order_id", orderId);
    invoice.put("primary_recipient", new LinkedHashMap<>(Map.of("customer_id", customerId)));
    invoice.put("payment_requests", new ArrayList<>(List.of(request)));
    invoice.put("delivery_method", deliveryMethod);
    invoice.put("invoice_number", String.format("%06d", sequence));
    invoice.put("status", "DRAFT");
    invoice.put("timezone", "Etc/UTC");
    invoice.put("created_at", Instant.now().toString());
    invoice.put("updated_at", Instant.now().toString());
    invoices.put(id, invoice);
    return invoice;
  }

  private void publish(Map<String, Object> invoice) {
    invoice.put("status", "UNPAID");
    invoice.put("public_url", "https://squareup.com/pay-invoice/" + invoice.get("id"));
    touch(invoice);
  }

  private static void touch(Map<String, Object> invoice) {
    invoice.put("version", ((Number) invoice.get("version")).intValue() + 1);
    invoice.put("updated_at", Instant.now().toString());
  }

  private static Map<String, Object> money(long cents) {
    Map<String, Object> money = new LinkedHashMap<>();
    money.put("amount", cents);
    money.put("currency", "USD");
    return money;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(Map<String, Object> invoice) {
    return JSON.convertValue(invoice, Map.class);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      Answer answer;
      synchronized (this) {
        requests.add(
            new Request(
                exchange.getRequestMethod(),
                path,
                exchange.getRequestHeaders().getFirst("Square-Version"),
                body));
        answer =
            answer(
                exchange.getRequestMethod(),
                path,
                exchange.getRequestHeaders().getFirst("Authorization"),
                body);
      }
      byte[] bytes = JSON.writeValueAsBytes(answer.body());
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private Answer answer(String method, String path, String authorization, String body) {
    if (!("Bearer " + ACCESS_TOKEN).equals(authorization)) {
      return error(
          401,
          "AUTHENTICATION_ERROR",
          "UNAUTHORIZED",
          "This request could not be authorized.",
          null);
    }
    Integer failure = scripted.poll();
    if (failure != null) {
      return failure == 429
          ? error(429, "RATE_LIMIT_ERROR", "RATE_LIMITED", "Rate limit exceeded.", null)
          : error(
              failure,
              "API_ERROR",
              failure == 503 ? "SERVICE_UNAVAILABLE" : "INTERNAL_SERVER_ERROR",
              "An internal error has occurred.",
              null);
    }
    JsonNode request;
    try {
      request = body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return error(400, "INVALID_REQUEST_ERROR", "INVALID_BODY", "The body is not JSON.", null);
    }
    String key = request.path("idempotency_key").asText("");
    if (!method.equals("POST") || key.isEmpty()) {
      return served(method, path, request);
    }
    Remembered before = idempotent.get(path + " " + key);
    if (before != null) {
      return before.request().equals(request)
          ? before.answer()
          : error(
              400,
              "INVALID_REQUEST_ERROR",
              "IDEMPOTENCY_KEY_REUSED",
              "The idempotency key can only be retried with the same request data.",
              "idempotency_key");
    }
    Answer answer = served(method, path, request);
    if (answer.status() == 200) {
      idempotent.put(path + " " + key, new Remembered(request, answer));
    }
    return answer;
  }

  private Answer served(String method, String path, JsonNode request) {
    if (method.equals("POST") && path.equals("/v2/orders")) {
      return createOrder(request.path("order"));
    }
    Matcher publish = PUBLISH.matcher(path);
    if (method.equals("POST") && publish.matches()) {
      Map<String, Object> invoice = invoices.get(publish.group(1));
      if (invoice == null) {
        return notFound(publish.group(1));
      }
      if (!request.path("version").isIntegralNumber()) {
        return error(
            400,
            "INVALID_REQUEST_ERROR",
            "MISSING_REQUIRED_PARAMETER",
            "Missing required parameter.",
            "version");
      }
      if (request.path("version").asInt() != ((Number) invoice.get("version")).intValue()) {
        return error(
            400,
            "INVALID_REQUEST_ERROR",
            "VERSION_MISMATCH",
            "The version does not match the current version of the invoice.",
            "version");
      }
      if (!"DRAFT".equals(invoice.get("status"))) {
        return error(
            400,
            "INVALID_REQUEST_ERROR",
            "BAD_REQUEST",
            "Only a draft invoice can be published.",
            null);
      }
      publish(invoice);
      return new Answer(200, Map.of("invoice", copy(invoice)));
    }
    if (method.equals("POST") && path.equals("/v2/invoices")) {
      JsonNode invoice = request.path("invoice");
      String orderId = invoice.path("order_id").asText("");
      if (!orders.containsKey(orderId)) {
        return error(
            400, "INVALID_REQUEST_ERROR", "NOT_FOUND", "Order not found.", "invoice.order_id");
      }
      String location = invoice.path("location_id").asText(LOCATION_ID);
      if (!location.equals(orders.get(orderId).get("location_id"))) {
        return error(
            400,
            "INVALID_REQUEST_ERROR",
            "BAD_REQUEST",
            "The order is not at the invoice's location.",
            "invoice.location_id");
      }
      if (invoices.values().stream().anyMatch(i -> orderId.equals(i.get("order_id")))) {
        return error(
            400,
            "INVALID_REQUEST_ERROR",
            "BAD_REQUEST",
            "The order is already associated with an invoice.",
            "invoice.order_id");
      }
      JsonNode paymentRequest = invoice.path("payment_requests").path(0);
      if (paymentRequest.isMissingNode()) {
        return error(
            400,
            "INVALID_REQUEST_ERROR",
            "MISSING_REQUIRED_PARAMETER",
            "Missing required parameter.",
            "invoice.payment_requests");
      }
      String customer = invoice.path("primary_recipient").path("customer_id").asText("");
      if (customer.isEmpty()) {
        return error(
            400,
            "INVALID_REQUEST_ERROR",
            "MISSING_REQUIRED_PARAMETER",
            "Missing required parameter.",
            "invoice.primary_recipient.customer_id");
      }
      Map<String, Object> created =
          draft(
              customer,
              orderId,
              invoice.path("delivery_method").asText("EMAIL"),
              paymentRequest.path("automatic_payment_source").asText("NONE"),
              location,
              paymentRequest.path("due_date").asText(Instant.now().toString().substring(0, 10)));
      return new Answer(200, Map.of("invoice", copy(created)));
    }
    Matcher get = INVOICE.matcher(path);
    if (method.equals("GET") && get.matches()) {
      Map<String, Object> invoice = invoices.get(get.group(1));
      return invoice == null
          ? notFound(get.group(1))
          : new Answer(200, Map.of("invoice", copy(invoice)));
    }
    return error(404, "INVALID_REQUEST_ERROR", "NOT_FOUND", "Resource not found.", null);
  }

  private Answer createOrder(JsonNode order) {
    String location = order.path("location_id").asText("");
    if (location.isEmpty()) {
      return error(
          400,
          "INVALID_REQUEST_ERROR",
          "MISSING_REQUIRED_PARAMETER",
          "Missing required parameter.",
          "order.location_id");
    }
    if (!location.equals(LOCATION_ID)) {
      return error(
          400,
          "INVALID_REQUEST_ERROR",
          "NOT_FOUND",
          "Location `" + location + "` not found.",
          "order.location_id");
    }
    List<Map<String, Object>> items = new ArrayList<>();
    long total = 0;
    for (JsonNode line : order.path("line_items")) {
      long quantity;
      try {
        quantity = Long.parseLong(line.path("quantity").asText(""));
      } catch (NumberFormatException e) {
        return error(
            400,
            "INVALID_REQUEST_ERROR",
            "INVALID_VALUE",
            "quantity must be a string of a whole number.",
            "order.line_items[" + items.size() + "].quantity");
      }
      if (!line.path("base_price_money").path("amount").isIntegralNumber()) {
        return error(
            400,
            "INVALID_REQUEST_ERROR",
            "MISSING_REQUIRED_PARAMETER",
            "An ad hoc line item needs base_price_money.",
            "order.line_items[" + items.size() + "].base_price_money");
      }
      long cents = line.path("base_price_money").path("amount").asLong() * quantity;
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("uid", UUID.randomUUID().toString());
      item.put("name", line.path("name").asText(""));
      item.put("quantity", line.path("quantity").asText());
      item.put("base_price_money", money(line.path("base_price_money").path("amount").asLong()));
      item.put("total_money", money(cents));
      items.add(item);
      total += cents;
    }
    String id = String.format("CAISEN%020d", ++sequence);
    Map<String, Object> created =
        order(
            id,
            order.hasNonNull("customer_id") ? order.path("customer_id").asText() : null,
            "",
            total);
    created.put("line_items", items);
    orders.put(id, created);
    return new Answer(200, Map.of("order", copy(created)));
  }

  private static Answer notFound(String id) {
    return error(
        404, "INVALID_REQUEST_ERROR", "NOT_FOUND", "Invoice `" + id + "` not found.", null);
  }

  private static Answer error(
      int status, String category, String code, String detail, String field) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("category", category);
    error.put("code", code);
    error.put("detail", detail);
    if (field != null) {
      error.put("field", field);
    }
    return new Answer(status, Map.of("errors", List.of(error)));
  }
}
