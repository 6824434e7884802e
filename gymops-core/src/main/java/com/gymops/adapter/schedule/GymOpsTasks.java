package com.gymops.adapter.schedule;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.gymops.config.ClubSystemSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's two tasks: {@code workflow}, with one persistent recurring execution per
 * (workflow, club) whose data is its {@link ClubWorkflow}, and {@code dispatch}, every minute.
 */
public final class GymOpsTasks {
  public static final String WORKFLOW = "workflow";
  public static final String DISPATCH = "dispatch";
  public static final String CLUB_SYNC = "club-sync";

  /** A failed run is tried again after this pause, a few times, but never past its next fire. */
  static final Duration RETRY_DELAY = Duration.ofMinutes(5);

  static final int MAX_RETRIES = 3;

  private static final Logger LOG = LoggerFactory.getLogger(GymOpsTasks.class);

  private final RecurringTaskWithPersistentSchedule<ClubWorkflow> workflows;
  private final RecurringTask<Void> dispatch;
  private final RecurringTask<Void> clubSync;

  /** Without the club-system pull (tests of the workflows and the dispatcher). */
  public GymOpsTasks(WorkflowFire fire, DispatchTick tick) {
    this(fire, tick, null);
  }

  /**
   * @param sync the club-system pull every {@link ClubSystemSettings#INTERVAL}, or null for none;
   *     {@code serve} always passes it (a no-op for the {@code local} club system), so the stored
   *     execution never outlives its task
   */
  public GymOpsTasks(WorkflowFire fire, DispatchTick tick, ClubSyncTick sync) {
    this.workflows =
        Tasks.recurringWithPersistentSchedule(WORKFLOW, ClubWorkflow.class)
            .onFailure(new RetryBeforeNextFire())
            .onDeadExecution(new ReviveAtScheduledTime())
            .execute(
                (instance, context) ->
                    fire.fire(instance.getData(), context.getExecution().executionTime));
    this.dispatch =
        Tasks.recurring(DISPATCH, Schedules.fixedDelay(Duration.ofMinutes(1)))
            .execute((instance, context) -> tick.run());
    this.clubSync =
        sync == null
            ? null
            : Tasks.recurring(CLUB_SYNC, Schedules.fixedDelay(ClubSystemSettings.INTERVAL))
                .execute((instance, context) -> sync.run());
  }

  public RecurringTaskWithPersistentSchedule<ClubWorkflow> workflows() {
    return workflows;
  }

  public RecurringTask<Void> dispatch() {
    return dispatch;
  }

  /** The recurring tasks that go in as start tasks: the dispatch, and the club sync if any. */
  public List<RecurringTask<Void>> startTasks() {
    return clubSync == null ? List.of(dispatch) : List.of(dispatch, clubSync);
  }

  /** The tasks to register with the scheduler; {@link #startTasks()} go in as start tasks. */
  public List<Task<?>> registered() {
    return List.of(workflows);
  }

  /**
   * Tries a failed run again a few times (a database blip should not cost a day's campaign), but
   * never past the next fire, which would do the same work anyway.
   */
  private static final class RetryBeforeNextFire implements FailureHandler<ClubWorkflow> {
    @Override
    public void onFailure(
        ExecutionComplete complete, ExecutionOperations<ClubWorkflow> operations) {
      ClubWorkflow target = (ClubWorkflow) complete.getExecution().taskInstance.getData();
      Instant next = target.getSchedule().nextAfter(complete.getTimeDone());
      Instant retry = complete.getTimeDone().plus(RETRY_DELAY);
      boolean again =
          complete.getExecution().consecutiveFailures < MAX_RETRIES && retry.isBefore(next);
      LOG.warn(
          "{} failed: {}; next try {}",
          target.instanceId(),
          complete.getCause().map(Throwable::getMessage).orElse("unknown cause"),
          again ? retry : next);
      operations.reschedule(complete, again ? retry : next);
    }
  }

  /**
   * db-scheduler revives a dead execution at the wall-clock now; reviving it at its own execution
   * time instead (already past, so due at once) keeps the fire it stands for, and so its fire-log
   * key.
   */
  private static final class ReviveAtScheduledTime implements DeadExecutionHandler<ClubWorkflow> {
    @Override
    public void deadExecution(
        ExecutionComplete complete, ExecutionOperations<ClubWorkflow> operations) {
      LOG.warn("taking over {} from a dead node", complete.getExecution());
      operations.reschedule(complete, complete.getExecution().executionTime);
    }
  }
}
