package com.gymops.config;

import java.util.Objects;

/**
 * Whether a workflow runs for a club and when.
 *
 * @param schedule a daily time {@code HH:MM}, {@code hourly}, {@code monthly DAY HH:MM} or {@code
 *     fortnightly HH:MM} (anchored to the referral anchor date), always in the club's zone
 */
public record WorkflowSchedule(boolean enabled, String schedule) {
  public WorkflowSchedule {
    Objects.requireNonNull(schedule, "schedule");
  }
}
