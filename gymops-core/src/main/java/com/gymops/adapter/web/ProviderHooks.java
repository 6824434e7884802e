package com.gymops.adapter.web;

import com.gymops.application.payments.ProviderPayments;
import com.gymops.config.PaymentSettings;
import java.time.Clock;
import java.util.Objects;

/**
 * What {@code POST /webhooks/stripe} and {@code POST /webhooks/square} need, wired by the
 * composition root.
 *
 * @param clock what a Stripe signature's timestamp is compared with
 */
public record ProviderHooks(ProviderPayments payments, PaymentSettings settings, Clock clock) {
  public static final String STRIPE = "/webhooks/stripe";
  public static final String SQUARE = "/webhooks/square";

  public ProviderHooks {
    Objects.requireNonNull(payments, "payments");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
  }
}
