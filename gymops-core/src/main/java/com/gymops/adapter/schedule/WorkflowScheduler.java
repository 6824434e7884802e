package com.gymops.adapter.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.SqliteJdbcCustomization;
import com.gymops.config.ServerSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * db-scheduler on the store's database, running the {@link GymOpsTasks}. On PostgreSQL the nodes
 * poll with lock-and-fetch ({@code SELECT ... FOR UPDATE SKIP LOCKED}), so each due execution goes
 * to one node; SQLite has no SKIP LOCKED and uses fetch polling with db-scheduler's SQLite
 * customization, where the node claims each execution with an optimistic update before running it.
 */
public final class WorkflowScheduler implements AutoCloseable {
  /** How often an idle node looks for due executions: fires are minutes apart at most once. */
  static final Duration POLLING_INTERVAL = Duration.ofSeconds(10);

  /** Stopping waits this long for running workflows to finish before giving up on them. */
  static final Duration SHUTDOWN_WAIT = Duration.ofMinutes(2);

  private final Scheduler scheduler;
  private final GymOpsTasks tasks;
  private final Clock clock;

  private WorkflowScheduler(Scheduler scheduler, GymOpsTasks tasks, Clock clock) {
    this.scheduler = scheduler;
    this.tasks = tasks;
    this.clock = clock;
  }

  /**
   * @param embedded whether the database is the embedded SQLite, which decides the polling strategy
   * @param node this node's name, recorded on every execution it picks and every fire it logs
   */
  public static WorkflowScheduler create(
      DataSource dataSource,
      boolean embedded,
      ServerSettings settings,
      GymOpsTasks tasks,
      String node,
      Clock clock) {
    SchedulerBuilder builder =
        Scheduler.create(dataSource, tasks.registered())
            .startTasks(tasks.startTasks())
            .serializer(new ClubWorkflowSerializer())
            .schedulerName(new SchedulerName.Fixed(node))
            .threads(settings.threads())
            .pollingInterval(POLLING_INTERVAL)
            .heartbeatInterval(settings.heartbeatInterval())
            .missedHeartbeatsLimit(settings.missedHeartbeats())
            .shutdownMaxWait(SHUTDOWN_WAIT)
            .alwaysPersistTimestampInUTC()
            .clock(clock::instant);
    if (embedded) {
      builder.jdbcCustomization(new SqliteJdbcCustomization());
      builder.pollUsingFetch(0.5, 3.0);
    } else {
      builder.pollUsingLockAndFetch(0.5, 1.0);
    }
    return new WorkflowScheduler(builder.build(), tasks, clock);
  }

  /** Reconciles the stored executions with {@code wanted}, then starts polling. */
  public ScheduleReconciler.Changes start(List<ClubWorkflow> wanted) {
    ScheduleReconciler.Changes changes =
        new ScheduleReconciler(scheduler, tasks.workflows()).reconcile(wanted, clock.instant());
    scheduler.start();
    return changes;
  }

  public boolean isRunning() {
    return scheduler.getSchedulerState().isStarted()
        && !scheduler.getSchedulerState().isShuttingDown();
  }

  /** Stops picking new executions and waits for the running ones to finish. */
  public void stop() {
    scheduler.stop();
  }

  @Override
  public void close() {
    stop();
  }
}
