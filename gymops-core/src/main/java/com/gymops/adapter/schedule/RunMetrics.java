package com.gymops.adapter.schedule;

import com.gymops.application.messaging.DispatchResult;
import com.gymops.application.run.RunReport;
import com.gymops.domain.WorkflowId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * What the scheduled work did, as Micrometer meters: runs by workflow and status, their duration,
 * actions by kind and messages by delivery status. Thread-safe.
 */
public final class RunMetrics {
  private final MeterRegistry registry;

  public RunMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void run(RunReport report, Duration took) {
    count(report.workflow(), report.status().name().toLowerCase(Locale.ROOT));
    Timer.builder("gymops.run.duration")
        .description("How long a scheduled workflow run took")
        .tag("workflow", report.workflow().id())
        .register(registry)
        .record(took);
    for (RunReport.ReportedAction action : report.actions()) {
      registry.counter("gymops.actions", "kind", action.action()).increment();
    }
  }

  /**
   * A run that did not happen or did not finish: {@code skipped} (already running), {@code failed}.
   */
  void run(WorkflowId workflow, String status) {
    count(workflow, status);
  }

  void dispatched(DispatchResult result) {
    messages("sent", result.sent());
    messages("deferred", result.deferred());
    messages("failed", result.failed());
    messages("suppressed", result.suppressed());
    messages("retrying", result.retrying());
    messages("unknown", result.unknown());
    messages("paused", result.paused());
    messages("logged", result.logged());
  }

  private void count(WorkflowId workflow, String status) {
    registry.counter("gymops.runs", "workflow", workflow.id(), "status", status).increment();
  }

  private void messages(String status, int count) {
    registry.counter("gymops.messages", "status", status).increment(count);
  }
}
