package com.gymops.application.payments;

import com.gymops.domain.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * An event of a payment provider (Stripe, Square) in GymOps' words, after its signature was checked
 * and its body read by the provider's webhook. Every event names the provider, the provider's own
 * event id (what makes a resent event a no-op), its type as the provider spells it, and the
 * customer it concerns.
 */
public sealed interface ProviderEvent {
  String provider();

  String eventId();

  String type();

  String customerId();

  /**
   * The provider could not collect an invoice: {@code invoice.payment_failed} (Stripe), {@code
   * invoice.scheduled_charge_failed} (Square).
   *
   * @param amountDue what is still owed on the invoice
   * @param attemptCount the provider's tries so far (Stripe's {@code attempt_count}; 1 for Square,
   *     which does not count)
   * @param nextRetry the provider's next automatic try, or null when it will not try again
   * @param payUrl the provider's page where the member pays the invoice, or null when the event has
   *     none
   */
  record InvoiceFailed(
      String provider,
      String eventId,
      String type,
      String customerId,
      String invoiceId,
      Money amountDue,
      Instant occurredAt,
      int attemptCount,
      Instant nextRetry,
      String payUrl)
      implements ProviderEvent {
    public InvoiceFailed {
      Objects.requireNonNull(invoiceId, "invoiceId");
      Objects.requireNonNull(amountDue, "amountDue");
      Objects.requireNonNull(occurredAt, "occurredAt");
    }
  }

  /**
   * The provider collected on an invoice: {@code invoice.paid} (Stripe), {@code
   * invoice.payment_made} (Square).
   *
   * @param paidTotal what the provider has collected on the invoice in all, this payment included
   */
  record InvoicePaid(
      String provider,
      String eventId,
      String type,
      String customerId,
      String invoiceId,
      Money paidTotal,
      Instant paidAt)
      implements ProviderEvent {
    public InvoicePaid {
      Objects.requireNonNull(invoiceId, "invoiceId");
      Objects.requireNonNull(paidTotal, "paidTotal");
      Objects.requireNonNull(paidAt, "paidAt");
    }
  }

  /**
   * An invoice changed without a payment or a failure (Square's {@code invoice.updated}): its pay
   * link, when it has one, replaces the one on file for an open invoice.
   */
  record InvoiceUpdated(
      String provider,
      String eventId,
      String type,
      String customerId,
      String invoiceId,
      String payUrl)
      implements ProviderEvent {}
}
