package com.gymops.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * Cadence rules for member messages.
 *
 * @param reminderInterval minimum time between two payment reminders to one member (72 h)
 * @param maxCollectionMessagesPer7Days reminders plus invoices per member in any 7 days (2)
 */
public record MessagingRules(
    SendingWindow window, Duration reminderInterval, int maxCollectionMessagesPer7Days) {
  public static final MessagingRules DEFAULTS =
      new MessagingRules(SendingWindow.DEFAULT, Duration.ofHours(72), 2);

  public MessagingRules {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(reminderInterval, "reminderInterval");
    if (reminderInterval.isNegative()) {
      throw new IllegalArgumentException("reminder interval must not be negative");
    }
    if (maxCollectionMessagesPer7Days < 0) {
      throw new IllegalArgumentException("max collection messages per 7 days must be >= 0");
    }
  }
}
