package com.gymops.adapter.schedule;

import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The next fires of each scheduled workflow, from the same schedules the scheduler runs. */
public final class UpcomingFires {
  private UpcomingFires() {}

  /**
   * @param localTime the fire in the club's zone, with its offset so the two 01:30s of a fall-back
   *     night stay apart
   */
  public record Fire(WorkflowId workflow, ClubId club, Instant fireAt, OffsetDateTime localTime) {}

  /** The next {@code count} fires after {@code from} of every workflow, in the given order. */
  public static List<Fire> after(List<ClubWorkflow> workflows, Instant from, int count) {
    List<Fire> fires = new ArrayList<>();
    for (ClubWorkflow workflow : workflows) {
      FireSchedule schedule = workflow.getSchedule();
      Instant at = from;
      for (int i = 0; i < count; i++) {
        at = schedule.nextAfter(at);
        fires.add(
            new Fire(
                workflow.workflow(),
                workflow.club(),
                at,
                at.atZone(schedule.zone()).toOffsetDateTime()));
      }
    }
    return fires;
  }
}
