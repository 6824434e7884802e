package com.gymops.application.health;

import com.gymops.application.port.PaymentProvider;
import com.gymops.application.port.PaymentProviderException;
import java.util.Optional;

/** The payment provider's invoice API, its answers recorded for the Settings page. */
public final class HealthRecordingPaymentProvider implements PaymentProvider {
  public static final String NAME = "payment_provider";

  private final PaymentProvider provider;
  private final HealthRecorder health;

  public HealthRecordingPaymentProvider(PaymentProvider provider, HealthRecorder health) {
    this.provider = provider;
    this.health = health;
  }

  @Override
  public String name() {
    return provider.name();
  }

  @Override
  public Optional<String> payLink(String invoiceId) {
    try {
      Optional<String> link = provider.payLink(invoiceId);
      health.succeeded(NAME);
      return link;
    } catch (PaymentProviderException e) {
      health.failed(NAME, e.getMessage());
      throw e;
    }
  }
}
