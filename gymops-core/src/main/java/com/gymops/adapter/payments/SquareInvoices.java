package com.gymops.adapter.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.adapter.Sleeper;
import com.gymops.application.port.InvoiceIssuer;
import com.gymops.application.port.PaymentProvider;
import com.gymops.application.port.PaymentProviderException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Square's invoices as GymOps reads and makes them, with the access token as a Bearer token and the
 * {@code Square-Version} header:
 *
 * <ul>
 *   <li>{@code GET /v2/invoices/{id}}
 *       (https://developer.squareup.com/reference/square/invoices-api/get-invoice), its {@code
 *       public_url} the member's pay link (present once the invoice is published);
 *   <li>an invoice made on demand
 *       (https://developer.squareup.com/docs/invoices-api/create-publish-invoices): {@code POST
 *       /v2/orders} with one ad-hoc line item of the amount at {@code payments.square.location_id}
 *       (CreateOrder), {@code POST /v2/invoices} for that order, {@code SHARE_MANUALLY} to the
 *       customer with one {@code BALANCE} payment request due today (CreateInvoice), then {@code
 *       POST /v2/invoices/{id}/publish} with the draft's {@code version} (PublishInvoice), whose
 *       answer carries the {@code public_url}. Each call has an idempotency key of its own derived
 *       from the request's, so a retry gets the first call's result
 *       (https://developer.squareup.com/docs/build-basics/common-api-patterns/idempotency).
 * </ul>
 *
 * Amounts are in USD, the currency of the US clubs GymOps runs for. Errors are Square's {@code
 * {"errors": [{"category", "code", "detail", "field"}]}}; 429, 5xx and a timeout are retried.
 */
public final class SquareInvoices implements PaymentProvider, InvoiceIssuer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String accessToken;
  private final String version;
  private final String locationId;
  private final ProviderHttp http;

  /**
   * @param locationId {@code payments.square.location_id}, or null: {@link #issue} then refuses
   */
  public SquareInvoices(
      String baseUrl, String accessToken, String version, String locationId, Sleeper sleeper) {
    this.baseUrl = baseUrl;
    this.accessToken = accessToken;
    this.version = version;
    this.locationId = locationId;
    this.http = new ProviderHttp("Square", sleeper);
  }

  public SquareInvoices(String baseUrl, String accessToken, String version, Sleeper sleeper) {
    this(baseUrl, accessToken, version, null, sleeper);
  }

  @Override
  public String name() {
    return "square";
  }

  @Override
  public Optional<String> payLink(String invoiceId) {
    JsonNode answer =
        http.get(
            headers(),
            baseUrl + "/v2/invoices/" + URLEncoder.encode(invoiceId, StandardCharsets.UTF_8),
            SquareInvoices::errorText);
    if (answer == null || !answer.path("invoice").path("public_url").isTextual()) {
      return Optional.empty();
    }
    return Optional.of(answer.path("invoice").path("public_url").asText());
  }

  @Override
  public IssuedInvoice issue(InvoiceRequest request) {
    if (locationId == null) {
      throw new PaymentProviderException(
          "payments.square.location_id is not set: Square makes no invoice without a location");
    }
    String orderId = createOrder(request);
    JsonNode draft = createInvoice(request, orderId);
    String invoiceId = draft.path("id").asText();
    ObjectNode publish = JSON.createObjectNode();
    publish.put("version", draft.path("version").asInt());
    publish.put("idempotency_key", request.idempotencyKey() + "-publish");
    JsonNode published =
        http.post(
                headers(),
                baseUrl
                    + "/v2/invoices/"
                    + URLEncoder.encode(invoiceId, StandardCharsets.UTF_8)
                    + "/publish",
                publish,
                SquareInvoices::errorText)
            .path("invoice");
    if (!published.path("public_url").isTextual()) {
      throw new PaymentProviderException(
          "Square published invoice " + invoiceId + " without a public_url");
    }
    return new IssuedInvoice(invoiceId, published.path("public_url").asText());
  }

  private String createOrder(InvoiceRequest request) {
    ObjectNode body = JSON.createObjectNode();
    body.put("idempotency_key", request.idempotencyKey() + "-order");
    ObjectNode order = body.putObject("order");
    order.put("location_id", locationId);
    order.put("customer_id", request.customerId());
    ObjectNode item = order.putArray("line_items").addObject();
    item.put("name", request.title());
    item.put("quantity", "1");
    money(item.putObject("base_price_money"), request.amount().cents());
    JsonNode created =
        http.post(headers(), baseUrl + "/v2/orders", body, SquareInvoices::errorText).path("order");
    if (!created.path("id").isTextual()) {
      throw new PaymentProviderException("Square answered CreateOrder without an order id");
    }
    return created.path("id").asText();
  }

  private JsonNode createInvoice(InvoiceRequest request, String orderId) {
    ObjectNode body = JSON.createObjectNode();
    body.put("idempotency_key", request.idempotencyKey() + "-invoice");
    ObjectNode invoice = body.putObject("invoice");
    invoice.put("location_id", locationId);
    invoice.put("order_id", orderId);
    invoice.putObject("primary_recipient").put("customer_id", request.customerId());
    // The member gets the page in GymOps' text: Square sends nothing itself.
    invoice.put("delivery_method", "SHARE_MANUALLY");
    ObjectNode payment = invoice.putArray("payment_requests").addObject();
    payment.put("request_type", "BALANCE");
    payment.put("due_date", request.dueDate().toString());
    payment.put("automatic_payment_source", "NONE");
    invoice.putObject("accepted_payment_methods").put("card", true);
    invoice.put("title", request.title());
    JsonNode created =
        http.post(headers(), baseUrl + "/v2/invoices", body, SquareInvoices::errorText)
            .path("invoice");
    if (!created.path("id").isTextual() || !created.path("version").isIntegralNumber()) {
      throw new PaymentProviderException(
          "Square answered CreateInvoice without an invoice id and version");
    }
    return created;
  }

  private HttpRequest.Builder headers() {
    return HttpRequest.newBuilder()
        .header("Authorization", "Bearer " + accessToken)
        .header("Square-Version", version);
  }

  private static void money(ObjectNode money, long cents) {
    money.put("amount", cents);
    money.put("currency", "USD");
  }

  static String errorText(JsonNode body) {
    JsonNode first = body.path("errors").path(0);
    return first.path("category").asText("?")
        + " "
        + first.path("code").asText("?")
        + ": "
        + first.path("detail").asText("no detail")
        + (first.hasNonNull("field") ? " (" + first.path("field").asText() + ")" : "");
  }
}
