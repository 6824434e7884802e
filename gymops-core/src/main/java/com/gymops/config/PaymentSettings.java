package com.gymops.config;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code payments}: the payment provider whose webhooks and invoices GymOps reads beside its own
 * signed webhook (docs/INTEGRATIONS.md, "Stripe" and "Square"). Secrets come from the environment
 * only and are never shown.
 *
 * @param provider {@code none}, {@code stripe} or {@code square}
 * @param waitForProviderRetry {@code payments.wait_for_provider_retry}: while the provider will try
 *     the card again, reminders wait for that try
 */
public record PaymentSettings(
    String provider, Stripe stripe, Square square, boolean waitForProviderRetry) {
  public static final String STRIPE_WEBHOOK_SECRET_ENV = "GYMOPS_STRIPE_WEBHOOK_SECRET";
  public static final String STRIPE_API_KEY_ENV = "GYMOPS_STRIPE_API_KEY";
  public static final String SQUARE_SIGNATURE_KEY_ENV = "GYMOPS_SQUARE_SIGNATURE_KEY";
  public static final String SQUARE_ACCESS_TOKEN_ENV = "GYMOPS_SQUARE_ACCESS_TOKEN";
  public static final String STRIPE_DEFAULT_BASE_URL = "https://api.stripe.com";
  public static final String SQUARE_DEFAULT_BASE_URL = "https://connect.squareup.com";

  /** Stripe's libraries refuse a signature whose {@code t} is more than 300 s from now. */
  public static final Duration STRIPE_DEFAULT_TOLERANCE = Duration.ofSeconds(300);

  /** The Square API version GymOps is written to, sent as {@code Square-Version}. */
  public static final String SQUARE_DEFAULT_VERSION = "2025-01-23";

  public static final PaymentSettings NONE =
      new PaymentSettings(
          "none",
          new Stripe(STRIPE_DEFAULT_BASE_URL, null, null, STRIPE_DEFAULT_TOLERANCE),
          new Square(SQUARE_DEFAULT_BASE_URL, null, null, null, SQUARE_DEFAULT_VERSION, null),
          false);

  public PaymentSettings {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(stripe, "stripe");
    Objects.requireNonNull(square, "square");
  }

  public boolean isStripe() {
    return provider.equals("stripe");
  }

  public boolean isSquare() {
    return provider.equals("square");
  }

  /**
   * {@code payments.stripe}.
   *
   * @param webhookSecret {@code GYMOPS_STRIPE_WEBHOOK_SECRET} (the endpoint's {@code whsec_...}),
   *     or null: the webhook then refuses every request
   * @param apiKey {@code GYMOPS_STRIPE_API_KEY}, or null: no invoice is read back
   * @param tolerance how far the signature's {@code t} may be from now
   */
  public record Stripe(String baseUrl, String webhookSecret, String apiKey, Duration tolerance) {
    @Override
    public String toString() {
      return "Stripe[baseUrl="
          + baseUrl
          + ", webhookSecret="
          + shown(webhookSecret)
          + ", apiKey="
          + shown(apiKey)
          + ", tolerance="
          + tolerance
          + "]";
    }
  }

  /**
   * {@code payments.square}.
   *
   * @param signatureKey {@code GYMOPS_SQUARE_SIGNATURE_KEY} (the subscription's signature key), or
   *     null: the webhook then refuses every request
   * @param accessToken {@code GYMOPS_SQUARE_ACCESS_TOKEN}, or null: no invoice is read back
   * @param notificationUrl {@code payments.square.notification_url}: the URL Square was given for
   *     the subscription, byte for byte, which Square's signature covers
   * @param version the {@code Square-Version} header of GymOps' calls
   * @param locationId {@code payments.square.location_id}: the seller's location where GymOps makes
   *     an invoice for a member without a pay link of Square's; null: no invoice is made
   */
  public record Square(
      String baseUrl,
      String signatureKey,
      String accessToken,
      String notificationUrl,
      String version,
      String locationId) {
    /** Whether GymOps makes Square invoices on demand: a location and the access token. */
    public boolean issuesInvoices() {
      return locationId != null && accessToken != null;
    }

    @Override
    public String toString() {
      return "Square[baseUrl="
          + baseUrl
          + ", signatureKey="
          + shown(signatureKey)
          + ", accessToken="
          + shown(accessToken)
          + ", notificationUrl="
          + notificationUrl
          + ", version="
          + version
          + ", locationId="
          + locationId
          + "]";
    }
  }

  private static String shown(String secret) {
    return secret == null ? "unset" : "***";
  }
}
