package com.gymops.policy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Which reasons make a past-due member an escalation case, and when a case is noted again. */
public record EscalationRule(EscalationRules rules) {
  public EscalationRule {
    Objects.requireNonNull(rules, "rules");
  }

  /** The member's reasons, in a stable order; empty when the member is no case. */
  public Set<EscalationReason> reasonsFor(CollectionFacts facts) {
    Set<EscalationReason> reasons = EnumSet.noneOf(EscalationReason.class);
    if (!facts.amount().isAtLeast(rules.minAmount())) {
      return reasons;
    }
    if (facts.amount().isGreaterThan(rules.amountOver())) {
      reasons.add(EscalationReason.AMOUNT);
    }
    if (facts.attempts30d() >= rules.attempts30d()) {
      reasons.add(EscalationReason.ATTEMPTS_30D);
    }
    if (facts.daysPastDue() > rules.daysPastDueOver()) {
      reasons.add(EscalationReason.DAYS_PAST_DUE);
    }
    if (facts.failedReminders30d() >= rules.failedReminders30d()) {
      reasons.add(EscalationReason.FAILED_REMINDERS);
    }
    return reasons;
  }

  /**
   * Whether a case gets a new note today: not within {@code renoteDays} of the last escalation
   * (escalated on day 0, noted again from day {@code renoteDays}) unless the reasons changed, so a
   * daily run does not bury the account under identical notes.
   */
  public boolean needsNote(
      Set<EscalationReason> reasons, Optional<Escalation> last, LocalDate today) {
    if (last.isEmpty()) {
      return true;
    }
    long daysSince = ChronoUnit.DAYS.between(last.get().on(), today);
    Set<String> codes =
        reasons.stream().map(EscalationReason::code).collect(Collectors.toUnmodifiableSet());
    return daysSince >= rules.renoteDays() || !codes.equals(last.get().reasons());
  }
}
