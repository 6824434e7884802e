package com.gymops.application.port.store;

import com.gymops.domain.ClubId;
import com.gymops.domain.Money;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What happened at a club between two instants, for the manager's daily summary. */
public interface SummaryReads {
  /** The club's activity in {@code [from, to)}. A few aggregate queries, however busy the day. */
  Activity activity(ClubId club, Instant from, Instant to);

  /**
   * @param runs real (not dry) runs started in the interval, by workflow and status
   * @param failedRuns the runs that failed or were interrupted, oldest first
   * @param textsSent member texts handed to the provider (SMS) in the interval
   * @param emailsSent member emails sent in the interval
   * @param messagesFailed member messages that failed in the interval
   * @param payments payments received in the interval, and their total
   */
  record Activity(
      Map<WorkflowId, Map<RunStatus, Long>> runs,
      List<FailedRun> failedRuns,
      long textsSent,
      long emailsSent,
      long messagesFailed,
      long locks,
      long unlocks,
      long payments,
      Money collected) {
    public Activity {
      runs = Map.copyOf(runs);
      failedRuns = List.copyOf(failedRuns);
      Objects.requireNonNull(collected, "collected");
    }
  }

  /** A run that did not complete, with its error as recorded. */
  record FailedRun(WorkflowId workflow, String runId, RunStatus status, String error) {}
}
