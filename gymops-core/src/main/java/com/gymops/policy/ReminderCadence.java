package com.gymops.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether one more collection message may go to a member now: reminders at least {@code
 * reminderInterval} apart, and at most {@code maxCollectionMessagesPer7Days} reminders and invoices
 * in any 7 days (the Massachusetts rule, which binds the club itself).
 */
public record ReminderCadence(MessagingRules rules) {
  public static final String TOO_SOON = "reminder interval";
  public static final String WEEKLY_CAP = "collection message cap";

  public ReminderCadence {
    Objects.requireNonNull(rules, "rules");
  }

  /** The reason a reminder must wait, or empty when it may be sent. */
  public Optional<String> blockingReason(CollectionFacts facts, Instant now) {
    Instant intervalStart = now.minus(rules.reminderInterval());
    if (facts.lastReminder().filter(intervalStart::isBefore).isPresent()) {
      return Optional.of(TOO_SOON);
    }
    if (facts.collectionMessages7d() >= rules.maxCollectionMessagesPer7Days()) {
      return Optional.of(WEEKLY_CAP);
    }
    return Optional.empty();
  }
}
