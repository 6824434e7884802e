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
 * is acknowledged and left alone. Answers as {@link ProviderReply} says.
 */
final class StripeWebhook {
  static final String PROVIDER = "stripe";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ProviderHooks hooks;
  private final Optional<StripeSignature> signature;

  StripeWebhook(ProviderHooks hooks) {
    this.hooks = hooks;
    PaymentSettings.Stripe stripe = hooks.settings().stripe();
    this.signature =
        hooks.settings().isStripe() && stripe.webhookSecret() != null
            ? Optional.of(new StripeSignature(stripe.webhookSecret(), stripe.tolerance()))
            : Optional.empty();
  }

  void receive(Context ctx) {
    if (!hooks.settings().isStripe()) {
      ProviderReply.refused(ctx, 403, "payments.provider is not stripe: this endpoint is off");
      return;
    }
    if (signature.isEmpty()) {
      ProviderReply.refused(
          ctx,
          403,
          PaymentSettings.STRIPE_WEBHOOK_SECRET_ENV + " is not set: no signature can be checked");
      return;
    }
    byte[] body = ctx.bodyAsBytes();
    Optional<String> problem =
        signature.get().problem(body, ctx.header(StripeSignature.HEADER), hooks.clock().instant());
    if (problem.isPresent()) {
      ProviderReply.refused(ctx, 403, problem.get());
      return;
    }
    Optional<ProviderEvent> event;
    try {
      event = parse(body);
    } catch (IllegalArgumentException e) {
      ProviderReply.refused(ctx, 400, e.getMessage());
      return;
    }
    if (event.isEmpty()) {
      ProviderReply.ignored(ctx, type(body));
      return;
    }
    ProviderReply.outcome(ctx, hooks.payments().receive(event.get()));
  }

  private static String type(byte[] body) {
    try {
      return MAPPER.readTree(body).path("type").asText("this event");
    } catch (IOException e) {
      return "this event";
    }
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
