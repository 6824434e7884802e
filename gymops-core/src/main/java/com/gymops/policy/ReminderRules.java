package com.gymops.policy;

import com.gymops.domain.Money;
import java.util.Objects;

/**
 * Tier thresholds for past-due reminders and the lock rule of past-due monitoring. The more severe
 * band wins: FINAL if amount >= finalAmount or attempts >= finalAttempts, else FIRM if amount >=
 * firmAmount or attempts >= firmAttempts, else FRIENDLY. A lock needs amount >= lockAmount and
 * attempts >= lockAttempts.
 */
public record ReminderRules(
    Money firmAmount,
    int firmAttempts,
    Money finalAmount,
    int finalAttempts,
    Money lockAmount,
    int lockAttempts) {
  public static final ReminderRules DEFAULTS =
      new ReminderRules(
          Money.ofCents(50_00), 2, Money.ofCents(100_00), 4, Money.ofCents(100_00), 4);

  public ReminderRules {
    Objects.requireNonNull(firmAmount, "firmAmount");
    Objects.requireNonNull(finalAmount, "finalAmount");
    Objects.requireNonNull(lockAmount, "lockAmount");
    if (finalAmount.compareTo(firmAmount) < 0) {
      throw new IllegalArgumentException("final amount must be >= firm amount");
    }
    if (finalAttempts < firmAttempts) {
      throw new IllegalArgumentException("final attempts must be >= firm attempts");
    }
  }
}
