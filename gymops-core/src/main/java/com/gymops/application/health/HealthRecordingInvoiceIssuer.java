package com.gymops.application.health;

import com.gymops.application.port.InvoiceIssuer;
import com.gymops.application.port.PaymentProviderException;

/**
 * The payment provider's invoices made on demand, their answers recorded for the Settings page
 * under the payment provider's row.
 */
public final class HealthRecordingInvoiceIssuer implements InvoiceIssuer {
  private final InvoiceIssuer issuer;
  private final HealthRecorder health;

  public HealthRecordingInvoiceIssuer(InvoiceIssuer issuer, HealthRecorder health) {
    this.issuer = issuer;
    this.health = health;
  }

  @Override
  public String name() {
    return issuer.name();
  }

  @Override
  public IssuedInvoice issue(InvoiceRequest request) {
    try {
      IssuedInvoice invoice = issuer.issue(request);
      health.succeeded(HealthRecordingPaymentProvider.NAME);
      return invoice;
    } catch (PaymentProviderException e) {
      health.failed(HealthRecordingPaymentProvider.NAME, e.getMessage());
      throw e;
    }
  }
}
