package com.gymops.adapter.schedule;

import com.github.kagkarlsson.scheduler.task.helper.ScheduleAndData;
import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.config.WorkflowSchedule;
import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One workflow for one club on its schedule: the data of a persistent recurring execution. What is
 * stored is the configuration (schedule text, zone, anchor), so a changed config shows up as a
 * changed row at the next start.
 *
 * @param anchor the fortnight's anchor Monday, only for a fortnightly schedule
 */
public record ClubWorkflow(
    WorkflowId workflow, ClubId club, String schedule, ZoneId zone, LocalDate anchor)
    implements ScheduleAndData {
  public ClubWorkflow {
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(club, "club");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(zone, "zone");
    if (schedule.startsWith("fortnightly") != (anchor != null)) {
      throw new IllegalArgumentException("an anchor goes with a fortnightly schedule, and only it");
    }
  }

  /** The enabled workflows of every club, as the configuration says. */
  public static List<ClubWorkflow> enabledIn(GymOpsConfig config) {
    List<ClubWorkflow> all = new ArrayList<>();
    for (ClubSettings club : config.clubs()) {
      for (WorkflowId workflow : WorkflowId.values()) {
        WorkflowSchedule settings = club.workflow(workflow);
        if (settings != null && settings.enabled()) {
          boolean fortnightly = settings.schedule().startsWith("fortnightly");
          all.add(
              new ClubWorkflow(
                  workflow,
                  club.club().id(),
                  settings.schedule(),
                  club.club().zone(),
                  fortnightly ? club.policy().referral().anchorDate() : null));
        }
      }
    }
    return all;
  }

  /** The scheduler's id for this execution, unique per (workflow, club). */
  public String instanceId() {
    return club.value() + "/" + workflow.id();
  }

  @Override
  public FireSchedule getSchedule() {
    return FireSchedule.parse(schedule, zone, anchor);
  }

  @Override
  public Object getData() {
    return this;
  }
}
