package com.gymops.adapter.schedule;

import com.gymops.application.port.FireCalendar;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The fire calendar of the workflows a configuration enables, on the scheduler's own schedules. */
public final class ScheduledFireCalendar implements FireCalendar {
  private final List<ClubWorkflow> enabled;

  public ScheduledFireCalendar(GymOpsConfig config) {
    this.enabled = List.copyOf(ClubWorkflow.enabledIn(config));
  }

  @Override
  public boolean scheduled(ClubId club, WorkflowId workflow) {
    return enabled.stream().anyMatch(w -> w.workflow() == workflow && w.club().equals(club));
  }

  @Override
  public Optional<Instant> nextFire(ClubId club, WorkflowId workflow, Instant after) {
    List<ClubWorkflow> mine =
        enabled.stream().filter(w -> w.workflow() == workflow && w.club().equals(club)).toList();
    return UpcomingFires.after(mine, after, 1).stream().map(UpcomingFires.Fire::fireAt).findFirst();
  }
}
