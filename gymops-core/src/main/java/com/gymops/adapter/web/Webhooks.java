package com.gymops.adapter.web;

import com.gymops.application.inbound.DeliveryUpdates;
import com.gymops.application.inbound.SmsReplies;
import com.gymops.application.payments.PaymentService;
import com.gymops.application.run.DoorStateExport;
import com.gymops.config.WebhookSecrets;
import java.util.Objects;

/**
 * What the webhooks and the door export call, wired by the composition root.
 *
 * @param publicBaseUrl {@code messaging.public_base_url}: the URL Twilio signs starts with it; null
 *     when unset, and Twilio's webhooks then refuse every request
 * @param providers Stripe's and Square's webhooks (docs/INTEGRATIONS.md), or null: they refuse
 */
public record Webhooks(
    SmsReplies sms,
    DeliveryUpdates deliveries,
    PaymentService payments,
    DoorStateExport doors,
    WebhookSecrets secrets,
    String publicBaseUrl,
    ProviderHooks providers) {
  public static final String TWILIO_INBOUND = "/webhooks/twilio/inbound";
  public static final String TWILIO_STATUS = "/webhooks/twilio/status";
  public static final String PAYMENTS = "/webhooks/payments";
  public static final String DOOR_EXPORT = "/api/door-access/export";

  public Webhooks {
    Objects.requireNonNull(sms, "sms");
    Objects.requireNonNull(deliveries, "deliveries");
    Objects.requireNonNull(payments, "payments");
    Objects.requireNonNull(doors, "doors");
    Objects.requireNonNull(secrets, "secrets");
  }

  /** The webhooks without a payment provider's: Stripe's and Square's endpoints refuse. */
  public Webhooks(
      SmsReplies sms,
      DeliveryUpdates deliveries,
      PaymentService payments,
      DoorStateExport doors,
      WebhookSecrets secrets,
      String publicBaseUrl) {
    this(sms, deliveries, payments, doors, secrets, publicBaseUrl, null);
  }
}
