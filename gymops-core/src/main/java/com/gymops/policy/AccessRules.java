package com.gymops.policy;

import com.gymops.domain.Money;
import java.util.Objects;

/**
 * Door-access rules.
 *
 * @param minPastDueAmount a balance at or above this can lock the door (0.01)
 * @param gracePeriodDays days past due that are still grace; the lock comes the day after (3)
 * @param maxLocksPerRun blast-radius breaker: a run that would lock more locks none (10)
 * @param lockOutsideWindow whether locks may happen outside the sending window (false)
 * @param warnDaysBeforeLock a member door-access will lock is texted once this many days before the
 *     lock day, with the amount and the date (1; 0: no warning)
 */
public record AccessRules(
    Money minPastDueAmount,
    int gracePeriodDays,
    int maxLocksPerRun,
    boolean lockOutsideWindow,
    int warnDaysBeforeLock) {
  public static final AccessRules DEFAULTS = new AccessRules(Money.ofCents(1), 3, 10, false, 1);

  public AccessRules {
    Objects.requireNonNull(minPastDueAmount, "minPastDueAmount");
    if (!minPastDueAmount.isPositive()) {
      throw new IllegalArgumentException("min past due amount must be at least 0.01");
    }
    if (warnDaysBeforeLock < 0) {
      throw new IllegalArgumentException("warn days before lock must not be negative");
    }
  }

  /** Rules without a pre-lock warning. */
  public AccessRules(
      Money minPastDueAmount, int gracePeriodDays, int maxLocksPerRun, boolean lockOutsideWindow) {
    this(minPastDueAmount, gracePeriodDays, maxLocksPerRun, lockOutsideWindow, 0);
  }
}
