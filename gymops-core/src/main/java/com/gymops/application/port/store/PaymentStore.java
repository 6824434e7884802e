package com.gymops.application.port.store;

import com.gymops.domain.Money;
import com.gymops.domain.Payment;
import java.time.Instant;
import java.util.Optional;

/** Payments reported by the payment system, and their effect on balances. Thread-safe. */
public interface PaymentStore {
  /**
   * Records the payment and lowers the member's past-due balance by its amount (never below zero;
   * the delinquency ends at zero), in one transaction.
   *
   * @return the balance before and after, or empty when the payment id was already recorded (a
   *     replay changes nothing)
   * @throws StoreException when the member does not exist
   */
  Optional<Applied> apply(Payment payment, Instant receivedAt);

  long count();

  /** The payment recorded under {@code paymentId}: what a reused id is compared with. */
  Optional<Payment> find(String paymentId);

  /** The member's payments, oldest first. */
  java.util.List<Payment> ofMember(com.gymops.domain.MemberId member);

  /** What one payment did to the balance. */
  record Applied(Money before, Money after) {}
}
