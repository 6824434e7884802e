package com.gymops.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.application.payments.ProviderEvent;
import com.gymops.config.PaymentSettings;
import com.gymops.domain.Money;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code POST /webhooks/stripe}: Stripe's events (the Event object,
 * https://docs.stripe.com/api/events/object; the invoice in {@code data.object},
 * https://docs.stripe.com/api/invoices/object), signed in {@code Stripe-Signature} ({@link
 * StripeSignature}). GymOps acts on {@code invoice.payment_failed} (a delinquency, with {@code
 * amount_remaining}, {@code attempt_count}, {@code next_payment_attempt} and {@code
 * hosted_invoice_url}) and {@code invoice.paid} ({@code amount_paid}, a payment); every other type
 * is acknowledged and left alone. The request is handled as {@link ProviderWebhook} says.
 */
final class StripeWebhook {
  static final String PROVIDER = "stripe";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ProviderWebhook webhook;

  StripeWebhook(ProviderHooks hooks) {
    PaymentSettings.Stripe stripe = hooks.settings().stripe();
    Optional<ProviderWebhook.Signature> signature =
        hooks.settings().isStripe() && stripe.webhookSecret() != null
            ? Optional.of(
                checked(new StripeSignature(stripe.webhookSecret(), stripe.tolerance()), hooks))
            : Optional.empty();
    this.webhook =
        new ProviderWebhook(
            hooks,
            PROVIDER,
            hooks.settings().isStripe(),
            signature,
            PaymentSettings.STRIPE_WEBHOOK_SECRET_ENV,
            StripeWebhook::parse);
  }

  /** Stripe's signature is timed: it is checked against the clock's now. */
  private static ProviderWebhook.Signature checked(StripeSignature signature, ProviderHooks hooks) {
    return (body, ctx) ->
        signature.problem(body, ctx.header(StripeSignature.HEADER), hooks.clock().instant());
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
    if (root == null || !root.isObject() || !"event".equals(root.path("object").asText())) {
      throw new IllegalArgumentException("the body is not a Stripe event (object: event)");
    }
    String id = WebhookJson.text(root, "id", "id");
    String type = WebhookJson.text(root, "type", "type");
    if (!type.equals("invoice.payment_failed") && !type.equals("invoice.paid")) {
      return Optional.empty();
    }
    Instant created = Instant.ofEpochSecond(WebhookJson.seconds(root, "created", "created"));
    JsonNode invoice = root.path("data").path("object");
    if (!"invoice".equals(invoice.path("object").asText())) {
      throw new IllegalArgumentException("data.object is not an invoice");
    }
    String currency = invoice.path("currency").asText("");
    if (!currency.equalsIgnoreCase(PaymentWebhook.CURRENCY)) {
      throw new IllegalArgumentException(
          "data.object.currency '"
              + currency
              + "' is not the clubs' currency: balances are in USD, and a payment is never"
              + " converted");
    }
    String invoiceId = WebhookJson.text(invoice, "id", "data.object.id");
    String customer = WebhookJson.text(invoice, "customer", "data.object.customer");
    if (type.equals("invoice.paid")) {
      long paid = WebhookJson.cents(invoice, "amount_paid", "data.object.amount_paid");
      JsonNode paidAt = invoice.path("status_transitions").path("paid_at");
      return Optional.of(
          new ProviderEvent.InvoicePaid(
              PROVIDER,
              id,
              type,
              customer,
              invoiceId,
              Money.ofCents(paid),
              paidAt.canConvertToLong() ? Instant.ofEpochSecond(paidAt.asLong()) : created));
    }
    long owed =
        invoice.has("amount_remaining")
            ? WebhookJson.cents(invoice, "amount_remaining", "data.object.amount_remaining")
            : WebhookJson.cents(invoice, "amount_due", "data.object.amount_due");
    JsonNode next = invoice.path("next_payment_attempt");
    return Optional.of(
        new ProviderEvent.InvoiceFailed(
            PROVIDER,
            id,
            type,
            customer,
            invoiceId,
            Money.ofCents(owed),
            created,
            invoice.path("attempt_count").asInt(1),
            next.canConvertToLong() && !next.isNull() ? Instant.ofEpochSecond(next.asLong()) : null,
            invoice.path("hosted_invoice_url").isTextual()
                ? invoice.path("hosted_invoice_url").asText()
                : null));
  }
}
