package com.gymops.schedule;

import com.gymops.messaging.DispatchResult;
import com.gymops.messaging.Dispatcher;
import java.time.Clock;

/** The outbox drain the scheduler runs every minute, on one node at a time. */
public final class DispatchTick {
  private final Dispatcher dispatcher;
  private final RunMetrics metrics;
  private final Clock clock;

  public DispatchTick(Dispatcher dispatcher, RunMetrics metrics, Clock clock) {
    this.dispatcher = dispatcher;
    this.metrics = metrics;
    this.clock = clock;
  }

  void run() {
    DispatchResult result = dispatcher.dispatch(clock.instant());
    metrics.dispatched(result);
  }
}
