package com.gymops.config;

import com.gymops.domain.WorkflowId;
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

  /** The schedule a workflow has when the configuration does not mention it (docs/WORKFLOWS.md). */
  public static WorkflowSchedule defaultFor(WorkflowId workflow) {
    return switch (workflow) {
      case DAILY_CAMPAIGNS -> new WorkflowSchedule(true, "06:00");
      case PAST_DUE_MONITORING, DOOR_ACCESS -> new WorkflowSchedule(true, "hourly");
      case COLLECTIONS_ESCALATION -> new WorkflowSchedule(true, "08:00");
      case COLLECTIONS_REFERRAL -> new WorkflowSchedule(true, "fortnightly 09:00");
      case BATCH_INVOICES -> new WorkflowSchedule(true, "monthly 1 07:00");
    };
  }
}
