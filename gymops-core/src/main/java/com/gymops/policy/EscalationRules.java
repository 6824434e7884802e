package com.gymops.policy;

import com.gymops.domain.Money;
import java.util.Objects;

/**
 * Collections-escalation rules: members with at least {@code minAmount} and any reason (amount over
 * {@code amountOver}, {@code attempts30d} attempts in 30 days, more than {@code daysPastDueOver}
 * days past due, {@code failedReminders30d} failed reminders in 30 days) get an urgent note, not
 * again within {@code renoteDays} unless the reasons changed.
 */
public record EscalationRules(
    Money minAmount,
    Money amountOver,
    int attempts30d,
    int daysPastDueOver,
    int failedReminders30d,
    int renoteDays) {
  public static final EscalationRules DEFAULTS =
      new EscalationRules(Money.ofCents(50_00), Money.ofCents(200_00), 5, 30, 2, 7);

  public EscalationRules {
    Objects.requireNonNull(minAmount, "minAmount");
    Objects.requireNonNull(amountOver, "amountOver");
  }
}
