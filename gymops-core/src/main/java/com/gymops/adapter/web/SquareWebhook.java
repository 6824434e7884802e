package com.gymops.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.application.payments.ProviderEvent;
import com.gymops.config.PaymentSettings;
import com.gymops.domain.Money;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code POST /webhooks/square}: Square's invoice events (e.g.
 * https://developer.squareup.com/reference/square/webhooks/invoice.payment_made: {@code
 * merchant_id}, {@code type}, {@code event_id}, {@code created_at}, the invoice in {@code
 * data.object.invoice}), signed in {@code x-square-hmacsha256-signature} ({@link SquareSignature}).
 * GymOps acts on {@code invoice.scheduled_charge_failed} (a delinquency: Square has no
 * payment-failed event), {@code invoice.payment_made} (a payment: what the invoice's payment
 * requests have collected in all, {@code total_completed_amount_money}) and {@code invoice.updated}
 * (its {@code public_url}, the pay link); every other type is acknowledged and left alone. The
 * customer is the invoice's {@code primary_recipient.customer_id}. The request is handled as {@link
 * ProviderWebhook} says.
 */
final class SquareWebhook {
  static final String PROVIDER = "square";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ProviderWebhook webhook;

  SquareWebhook(ProviderHooks hooks) {
    PaymentSettings.Square square = hooks.settings().square();
    Optional<ProviderWebhook.Signature> signature =
        hooks.settings().isSquare()
                && square.signatureKey() != null
                && square.notificationUrl() != null
            ? Optional.of(
                checked(new SquareSignature(square.signatureKey(), square.notificationUrl())))
            : Optional.empty();
    this.webhook =
        new ProviderWebhook(
            hooks,
            PROVIDER,
            hooks.settings().isSquare(),
            signature,
            PaymentSettings.SQUARE_SIGNATURE_KEY_ENV,
            SquareWebhook::parse);
  }

  private static ProviderWebhook.Signature checked(SquareSignature signature) {
    return (body, ctx) -> signature.problem(body, ctx.header(SquareSignature.HEADER));
  }

  void receive(Context ctx) {
    webhook.receive(ctx);
  }

  /** The event GymOps acts on, or empty for a type it leaves alone. */
  static Optional<ProviderEvent> parse(byte[] body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("the body is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("the body is not a JSON object");
    }
    String id = WebhookJson.text(root, "event_id", "event_id");
    String type = WebhookJson.text(root, "type", "type");
    if (!type.equals("invoice.scheduled_charge_failed")
        && !type.equals("invoice.payment_made")
        && !type.equals("invoice.updated")) {
      return Optional.empty();
    }
    Instant created;
    try {
      created =
          OffsetDateTime.parse(WebhookJson.text(root, "created_at", "created_at")).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("created_at is not an RFC 3339 date-time");
    }
    JsonNode invoice = root.path("data").path("object").path("invoice");
    if (!invoice.isObject()) {
      throw new IllegalArgumentException("data.object.invoice is missing");
    }
    String invoiceId = WebhookJson.text(invoice, "id", "data.object.invoice.id");
    String customer =
        WebhookJson.text(
            invoice.path("primary_recipient"),
            "customer_id",
            "data.object.invoice.primary_recipient.customer_id");
    String publicUrl =
        invoice.path("public_url").isTextual() ? invoice.path("public_url").asText() : null;
    if (type.equals("invoice.updated")) {
      return Optional.of(
          new ProviderEvent.InvoiceUpdated(PROVIDER, id, type, customer, invoiceId, publicUrl));
    }
    long requested = 0;
    long completed = 0;
    JsonNode requests = invoice.path("payment_requests");
    if (!requests.isArray() || requests.isEmpty()) {
      throw new IllegalArgumentException("data.object.invoice.payment_requests is missing");
    }
    for (int i = 0; i < requests.size(); i++) {
      JsonNode request = requests.get(i);
      String path = "data.object.invoice.payment_requests[" + i + "]";
      requested += money(request, "computed_amount_money", path);
      completed += money(request, "total_completed_amount_money", path);
    }
    if (type.equals("invoice.payment_made")) {
      return Optional.of(
          new ProviderEvent.InvoicePaid(
              PROVIDER, id, type, customer, invoiceId, Money.ofCents(completed), created));
    }
    return Optional.of(
        new ProviderEvent.InvoiceFailed(
            PROVIDER,
            id,
            type,
            customer,
            invoiceId,
            Money.ofCents(Math.max(0, requested - completed)),
            created,
            1,
            null,
            publicUrl));
  }

  /** Square's Money object, {@code {"amount": cents, "currency": "USD"}}; absent counts as 0. */
  private static long money(JsonNode request, String field, String path) {
    JsonNode money = request.path(field);
    if (money.isMissingNode() || money.isNull()) {
      return 0;
    }
    String currency = money.path("currency").asText("");
    if (!currency.equals(PaymentWebhook.CURRENCY)) {
      throw new IllegalArgumentException(
          path
              + "."
              + field
              + ".currency '"
              + currency
              + "' is not the clubs' currency: balances are in USD");
    }
    return WebhookJson.cents(money, "amount", path + "." + field + ".amount");
  }
}
