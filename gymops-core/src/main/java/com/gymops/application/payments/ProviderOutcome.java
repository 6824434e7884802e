package com.gymops.application.payments;

import com.gymops.application.port.store.ProviderBilling;

/**
 * What a provider's event changed.
 *
 * @param memberId the member the event's customer is, or null when no member is
 * @param invoice the provider invoice as GymOps keeps it after the event, or null
 * @param payment what the payment did (balance, door, text), or null when the event was no payment
 * @param detail in plain words, for the provider's delivery log and the reply body
 */
public record ProviderOutcome(
    Status status,
    String memberId,
    ProviderBilling.Invoice invoice,
    PaymentResult payment,
    String detail) {

  /** What became of the event. */
  public enum Status {
    /** A failed invoice opened or updated the member's delinquency. */
    DELINQUENCY,
    /** A payment was recorded (or found recorded) and the member's door evaluated. */
    PAID,
    /** An invoice's pay link was updated, or the event was acknowledged and needs nothing. */
    NOTED,
    /** The provider's event id was handled before: nothing changed. */
    REPLAY,
    /** No member has the event's customer id (or two do): nothing changed, resend after the fix. */
    UNKNOWN_CUSTOMER
  }
}
