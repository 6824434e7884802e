package com.gymops.adapter.schedule;

import com.gymops.application.port.store.FireLog;
import com.gymops.application.port.store.PausedWorkflows;
import com.gymops.application.run.RunInProgressException;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunReport;
import com.gymops.application.run.RunRequest;
import com.gymops.application.run.WorkflowRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one scheduled execution does: log the fire under its unique key, then run the workflow as of
 * now. The run's own idempotency keys make a repeated fire (a dead node's run taken over, a retry)
 * change nothing that already happened.
 */
public final class WorkflowFire {
  private static final Logger LOG = LoggerFactory.getLogger(WorkflowFire.class);

  private final WorkflowRunner runner;
  private final FireLog fireLog;
  private final RunMetrics metrics;
  private final String node;
  private final Clock clock;
  private final RunMode mode;
  private final PausedWorkflows paused;

  /** Scheduled runs in rules mode. */
  public WorkflowFire(
      WorkflowRunner runner,
      FireLog fireLog,
      RunMetrics metrics,
      String node,
      Clock clock,
      PausedWorkflows paused) {
    this(runner, fireLog, metrics, node, clock, RunMode.RULES, paused);
  }

  /**
   * @param mode how scheduled runs decide: the config's {@code agent.mode}; agent runs fall back to
   *     the rules by themselves when the model is unavailable
   * @param paused read at every fire, so a pause stored by any node applies at the next fire
   */
  public WorkflowFire(
      WorkflowRunner runner,
      FireLog fireLog,
      RunMetrics metrics,
      String node,
      Clock clock,
      RunMode mode,
      PausedWorkflows paused) {
    this.paused = paused;
    this.runner = runner;
    this.fireLog = fireLog;
    this.metrics = metrics;
    this.node = node;
    this.clock = clock;
    this.mode = mode;
  }

  /**
   * @param executionTime when the scheduler meant this execution to run; after an outage it lies in
   *     the past, and the fire it stands for is the schedule's latest fire at or before it
   * @throws LeaseHeldException when a taken-over fire finds the workflow still leased, probably by
   *     the dead node's run: the scheduler tries again after a pause
   */
  void fire(ClubWorkflow target, Instant executionTime) {
    Instant scheduledFor = target.getSchedule().latestAtOrBefore(executionTime);
    Instant started = clock.instant();
    int attempt =
        fireLog.record(target.workflow(), target.club(), scheduledFor, node, clock.instant());
    if (attempt > 1) {
      LOG.warn(
          "{} for {} due {}: attempt {} (taken over from a dead node or retried)",
          target.workflow(),
          target.club(),
          scheduledFor,
          attempt);
    }
    if (paused.isPaused(target.workflow(), target.club())) {
      // The fire is logged and done: a paused workflow does not catch up on resume.
      metrics.run(target.workflow(), "paused");
      LOG.info("{} for {} due {}: paused", target.workflow(), target.club(), scheduledFor);
      return;
    }
    try {
      RunReport report =
          runner.run(new RunRequest(target.workflow(), target.club(), mode, false, started));
      metrics.run(report, Duration.between(started, clock.instant()));
      LOG.info(
          "{} for {} due {}: {} with {} actions",
          target.workflow(),
          target.club(),
          scheduledFor,
          report.status(),
          report.actions().size());
    } catch (RunInProgressException e) {
      metrics.run(target.workflow(), "skipped");
      if (attempt > 1) {
        throw new LeaseHeldException(e.getMessage(), e);
      }
      // A manual `gymops run` holds the lease: that run does this period's work.
      LOG.info(
          "{} for {} due {}: skipped, {}",
          target.workflow(),
          target.club(),
          scheduledFor,
          e.getMessage());
    } catch (RuntimeException e) {
      metrics.run(target.workflow(), "failed");
      throw e;
    }
  }

  /** A retried fire met a lease that is probably its dead predecessor's; try again later. */
  static final class LeaseHeldException extends RuntimeException {
    LeaseHeldException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
