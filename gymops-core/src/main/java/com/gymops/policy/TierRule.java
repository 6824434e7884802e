package com.gymops.policy;

import com.gymops.domain.Money;
import java.util.Objects;

/**
 * Picks the reminder tier. The specification's bands overlap and leave gaps ($50-$100 with 0
 * attempts, $20 with 3 attempts), so each threshold is read on its own and the more severe band
 * wins.
 */
public record TierRule(ReminderRules rules) {
  public TierRule {
    Objects.requireNonNull(rules, "rules");
  }

  public ReminderTier tierFor(Money amount, int attempts) {
    if (amount.isAtLeast(rules.finalAmount()) || attempts >= rules.finalAttempts()) {
      return ReminderTier.FINAL;
    }
    if (amount.isAtLeast(rules.firmAmount()) || attempts >= rules.firmAttempts()) {
      return ReminderTier.FIRM;
    }
    return ReminderTier.FRIENDLY;
  }
}
