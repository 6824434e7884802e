package com.gymops.application.port;

import java.util.Optional;

/**
 * The payment provider's invoices as GymOps reads them: where a member pays an invoice when the
 * provider's event did not say.
 */
public interface PaymentProvider {
  /** {@code stripe} or {@code square}, as in {@code payments.provider}. */
  String name();

  /**
   * The provider's page where the member pays the invoice (Stripe's {@code hosted_invoice_url},
   * Square's {@code public_url}); empty when the invoice has none.
   *
   * @throws PaymentProviderException when the provider cannot be reached or refuses
   */
  Optional<String> payLink(String invoiceId);
}
