package com.gymops.adapter.schedule;

import com.gymops.application.messaging.DispatchResult;
import com.gymops.application.messaging.Dispatcher;
import java.time.Clock;

/** The outbox drain the scheduler runs every minute, on one node at a time. */
public final class DispatchTick {
  private final Dispatcher dispatcher;
  private final RunMetrics metrics;
  private final Clock clock;
  private final Runnable beforeDispatch;

  public DispatchTick(Dispatcher dispatcher, RunMetrics metrics, Clock clock) {
    this(dispatcher, metrics, clock, () -> {});
  }

  /**
   * @param beforeDispatch what must happen each minute before the drain, so that the texts it
   *     queues go out in the same tick: the approvals' expiry and execution
   */
  public DispatchTick(
      Dispatcher dispatcher, RunMetrics metrics, Clock clock, Runnable beforeDispatch) {
    this.dispatcher = dispatcher;
    this.metrics = metrics;
    this.clock = clock;
    this.beforeDispatch = beforeDispatch;
  }

  void run() {
    beforeDispatch.run();
    DispatchResult result = dispatcher.dispatch(clock.instant());
    metrics.dispatched(result);
  }
}
