package com.gymops.config;

import java.util.Optional;

/**
 * The secrets that authenticate callers of {@code serve}'s webhooks and export, all from the
 * environment: {@code TWILIO_AUTH_TOKEN} (Twilio signs with it), {@code GYMOPS_PAYMENTS_SECRET}
 * (the payment system signs with it) and {@code GYMOPS_DOOR_EXPORT_TOKEN} (door systems that poll
 * present it). Each may be absent: its endpoint then refuses every request rather than trusting an
 * unauthenticated one.
 */
public record WebhookSecrets(
    String twilioAuthToken, String paymentsSecret, String doorExportToken) {
  public static final String PAYMENTS_SECRET_ENV = "GYMOPS_PAYMENTS_SECRET";
  public static final String DOOR_EXPORT_TOKEN_ENV = "GYMOPS_DOOR_EXPORT_TOKEN";

  public static final WebhookSecrets NONE = new WebhookSecrets(null, null, null);

  public Optional<String> twilio() {
    return Optional.ofNullable(twilioAuthToken);
  }

  public Optional<String> payments() {
    return Optional.ofNullable(paymentsSecret);
  }

  public Optional<String> doorExport() {
    return Optional.ofNullable(doorExportToken);
  }

  @Override
  public String toString() {
    return "WebhookSecrets[twilioAuthToken="
        + shown(twilioAuthToken)
        + ", paymentsSecret="
        + shown(paymentsSecret)
        + ", doorExportToken="
        + shown(doorExportToken)
        + "]";
  }

  private static String shown(String secret) {
    return secret == null ? "unset" : "***";
  }
}
