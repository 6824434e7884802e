package com.gymops.config;

import java.time.LocalTime;
import java.util.Optional;

/**
 * The {@code notifications} section: what the manager is told without asking.
 *
 * @param dailySummaryAt the club-local time of the day's summary to the manager (18:00); null when
 *     {@code daily_summary_at: off}
 */
public record NotificationSettings(LocalTime dailySummaryAt) {
  public static final NotificationSettings DEFAULTS = new NotificationSettings(LocalTime.of(18, 0));

  /** No daily summary. */
  public static final NotificationSettings OFF = new NotificationSettings(null);

  public Optional<LocalTime> summaryTime() {
    return Optional.ofNullable(dailySummaryAt);
  }
}
