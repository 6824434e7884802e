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
  /** The club's activity in {@code [from, to)}, the outbox's waiting messages as of {@code to}. */
  default Activity activity(ClubId club, Instant from, Instant to) {
    return activity(club, from, to, to);
  }

  /**
   * The club's activity in {@code [from, to)}, and the member messages created before {@code to}
   * that still wait in the outbox, told apart at {@code now}: due (queued) or not yet (deferred). A
   * few aggregate queries, however busy the day.
   */
  Activity activity(ClubId club, Instant from, Instant to, Instant now);

  /**
   * @param runs real (not dry) runs started in the interval, by workflow and status
   * @param failedRuns the runs that failed or were interrupted, oldest first
   * @param textsSent member texts handed to the provider (SMS) in the interval
   * @param emailsSent member emails sent in the interval
   * @param messagesFailed member messages that failed in the interval
   * @param payments payments received in the interval, and their total
   * @param messagesSuppressed member messages ended unsent in the interval because a rule forbade
   *     them by then (STOP, paid up, superseded by a lock text, cancelled by staff)
   * @param messagesQueued member messages waiting in the outbox and due: the next dispatch sends
   *     them
   * @param messagesDeferred member messages waiting in the outbox for a later time: the member's
   *     texting hours, or a provider's retry
   * @param messagesLogged member messages the log provider wrote down in the interval (no real
   *     provider configured): not sent, and not counted in {@code textsSent} or {@code emailsSent}
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
      Money collected,
      long messagesSuppressed,
      long messagesQueued,
      long messagesDeferred,
      long messagesLogged) {
    public Activity {
      runs = Map.copyOf(runs);
      failedRuns = List.copyOf(failedRuns);
      Objects.requireNonNull(collected, "collected");
    }

    /** A day without suppressed or waiting messages. */
    public Activity(
        Map<WorkflowId, Map<RunStatus, Long>> runs,
        List<FailedRun> failedRuns,
        long textsSent,
        long emailsSent,
        long messagesFailed,
        long locks,
        long unlocks,
        long payments,
        Money collected) {
      this(
          runs,
          failedRuns,
          textsSent,
          emailsSent,
          messagesFailed,
          locks,
          unlocks,
          payments,
          collected,
          0,
          0,
          0,
          0);
    }
  }

  /** A run that did not complete, with its error as recorded. */
  record FailedRun(WorkflowId workflow, String runId, RunStatus status, String error) {}
}
