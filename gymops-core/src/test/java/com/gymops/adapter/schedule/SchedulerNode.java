package com.gymops.adapter.schedule;

import com.github.kagkarlsson.scheduler.PollingStrategyConfig;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper.ManualSchedulerBuilder;
import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.persistence.Persistence;
import com.gymops.app.GymOpsApp;
import com.gymops.application.port.store.FireLog;
import com.gymops.config.GymOpsConfig;
import com.gymops.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * One scheduler node for tests: a real {@link GymOpsApp} on its own connection pool and
 * db-scheduler's {@link ManualScheduler} running the production tasks, on a clock the test sets.
 * Due executions run on the calling thread when the test says so; nothing sleeps.
 */
final class SchedulerNode implements AutoCloseable {
  final GymOpsApp app;
  final ManualScheduler scheduler;
  final GymOpsTasks tasks;
  final FireLog fireLog;
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private SchedulerNode(GymOpsApp app, String name, boolean lockAndFetch) {
    this.app = app;
    RunMetrics metrics = new RunMetrics(meters);
    this.fireLog = Persistence.fireLog(app.database());
    this.tasks =
        new GymOpsTasks(
            new WorkflowFire(
                app.runner(), fireLog, metrics, name, app.clock(), app.stores().paused()),
            new DispatchTick(app.dispatcher(), metrics, app.clock()));
    ManualSchedulerBuilder builder =
        TestHelper.createManualScheduler(app.database().dataSource(), tasks.registered())
            .clock(new SharedClock((MutableClock) app.clock()))
            .startTasks(java.util.List.of(tasks.dispatch()));
    builder.serializer(new ClubWorkflowSerializer());
    builder.schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed(name));
    if (lockAndFetch) {
      builder.pollingStrategy(
          new PollingStrategyConfig(PollingStrategyConfig.Type.LOCK_AND_FETCH, 0.5, 1.0));
    }
    this.scheduler = builder.build();
  }

  static SchedulerNode open(
      String yaml, Path dataDir, MutableClock clock, String name, boolean lockAndFetch) {
    GymOpsConfig config = ConfigLoader.parse(yaml, Map.of(), ZoneId.of("UTC"));
    return new SchedulerNode(GymOpsApp.open(config, dataDir, clock), name, lockAndFetch);
  }

  GymOpsConfig config() {
    return app.config();
  }

  ScheduleReconciler.Changes reconcile() {
    return new ScheduleReconciler(scheduler, tasks.workflows())
        .reconcile(ClubWorkflow.enabledIn(app.config()), app.clock().instant());
  }

  /** Reconciles and schedules the start tasks, as {@code serve} does before polling. */
  SchedulerNode start() {
    reconcile();
    scheduler.start();
    return this;
  }

  void runDue() {
    scheduler.runAnyDueExecutions();
  }

  @Override
  public void close() {
    app.close();
  }

  /** db-scheduler's settable clock reading the test's clock, so the runner and it agree. */
  private static final class SharedClock extends SettableClock {
    private final MutableClock clock;

    SharedClock(MutableClock clock) {
      this.clock = clock;
    }

    @Override
    public Instant now() {
      return clock.instant();
    }

    @Override
    public void set(Instant newNow) {
      clock.set(newNow);
    }
  }
}
