package com.gymops.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A member's past-due balance and the first day of the delinquency it belongs to.
 *
 * @param since the first day of the delinquency; null when nothing is due
 */
public record PastDue(Money amount, LocalDate since) {
  public PastDue {
    Objects.requireNonNull(amount, "amount");
  }

  /**
   * The balance after {@code paid}: lowered by the payment, never below zero. A payment that clears
   * the balance ends the delinquency, so the next one starts its own count of days and reminders; a
   * partial payment leaves its first day where it was, as the days past due still run from it. An
   * overpayment is not kept as a credit: the club's billing system owns credits.
   */
  public PastDue afterPayment(Money paid) {
    Objects.requireNonNull(paid, "paid");
    long after = Math.max(0, amount.cents() - paid.cents());
    return after == 0 ? new PastDue(Money.ZERO, null) : new PastDue(Money.ofCents(after), since);
  }
}
