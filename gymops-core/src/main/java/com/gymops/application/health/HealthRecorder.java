package com.gymops.application.health;

import com.gymops.application.port.store.IntegrationHealthStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records how the integrations answer, cheaply: one write per integration when its state changes (a
 * success after an error, or the reverse), otherwise at most one a minute, so a dispatch of
 * thousands of texts writes a handful of rows. A failure to record is logged and never fails the
 * call it is about.
 */
public final class HealthRecorder {
  static final Duration AT_MOST_EVERY = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(HealthRecorder.class);

  private record Last(boolean ok, Instant writtenAt) {}

  private final IntegrationHealthStore store;
  private final Clock clock;
  private final Map<String, Last> last = new ConcurrentHashMap<>();

  public HealthRecorder(IntegrationHealthStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void succeeded(String name) {
    record(name, true, null);
  }

  public void failed(String name, String error) {
    record(name, false, error);
  }

  private void record(String name, boolean ok, String error) {
    Instant now = clock.instant();
    boolean[] due = {false};
    last.compute(
        name,
        (key, before) -> {
          if (before == null
              || before.ok() != ok
              || !now.isBefore(before.writtenAt().plus(AT_MOST_EVERY))) {
            due[0] = true;
            return new Last(ok, now);
          }
          return before;
        });
    if (!due[0]) {
      return;
    }
    try {
      if (ok) {
        store.succeeded(name, now);
      } else {
        store.failed(name, now, error);
      }
    } catch (RuntimeException e) {
      LOG.warn("could not record {}'s health: {}", name, e.getMessage());
    }
  }
}
