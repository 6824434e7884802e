package com.gymops.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A payment reported by the payment system.
 *
 * @param paymentId the payment system's id, unique: the same payment reported twice is one payment
 */
public record Payment(String paymentId, MemberId memberId, Money amount, Instant paidAt) {
  public Payment {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(memberId, "memberId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(paidAt, "paidAt");
    if (paymentId.isBlank()) {
      throw new IllegalArgumentException("payment_id is blank");
    }
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("amount must be positive");
    }
  }
}
