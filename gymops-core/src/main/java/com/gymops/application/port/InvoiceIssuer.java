package com.gymops.application.port;

import com.gymops.domain.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A payment provider that makes an invoice for a member's past-due balance on GymOps' request, and
 * publishes it so that the member can pay it on the provider's page (Square; docs/INTEGRATIONS.md,
 * "Invoices made on demand"). Thread-safe.
 */
public interface InvoiceIssuer {
  /** {@code square}, as in {@code payments.provider}. */
  String name();

  /**
   * Makes and publishes the invoice. The same {@code idempotencyKey} makes the same invoice: a
   * retry after a lost answer, or after a crash before the answer was kept, creates no second one.
   *
   * @throws PaymentProviderException when the provider cannot be reached or refuses
   */
  IssuedInvoice issue(InvoiceRequest request);

  /**
   * @param customerId the member's customer id at the provider ({@code payment_customer_id})
   * @param amount what the invoice bills: the member's past-due balance
   * @param dueDate the club's date today
   * @param idempotencyKey derived from the member and the delinquency, at most 64 characters
   * @param title the invoice's title and its one line item's name
   */
  record InvoiceRequest(
      String customerId, Money amount, LocalDate dueDate, String idempotencyKey, String title) {
    public InvoiceRequest {
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(dueDate, "dueDate");
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      Objects.requireNonNull(title, "title");
      if (!amount.isPositive()) {
        throw new IllegalArgumentException("an invoice bills a positive amount, not " + amount);
      }
    }
  }

  /** The published invoice: its id at the provider and the page where the member pays it. */
  record IssuedInvoice(String invoiceId, String payUrl) {
    public IssuedInvoice {
      Objects.requireNonNull(invoiceId, "invoiceId");
      Objects.requireNonNull(payUrl, "payUrl");
    }
  }
}
