package com.gymops.policy;

import com.gymops.domain.Money;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Collections-referral rules. The fortnight is anchored to {@code anchorDate}, a Monday: the
 * referral runs on that date and every 14 days before and after it.
 */
public record ReferralRules(
    LocalDate anchorDate, int minAttempts, int minDaysPastDue, Money minAmount) {
  public static final ReferralRules DEFAULTS =
      new ReferralRules(LocalDate.of(2026, 1, 5), 3, 14, Money.ofCents(50_00));

  public ReferralRules {
    Objects.requireNonNull(anchorDate, "anchorDate");
    Objects.requireNonNull(minAmount, "minAmount");
    if (anchorDate.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new IllegalArgumentException("referral anchor date " + anchorDate + " is not a Monday");
    }
  }
}
