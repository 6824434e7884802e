package com.gymops.adapter.sms;

import com.gymops.adapter.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces one sender's messages at least {@code 1 / ratePerSecond} apart, so a 2,000-member campaign
 * drains at the rate the carrier allows the number (1 per second for a long code) instead of being
 * refused with 429s. Paces within this process only: several nodes sending from one number share
 * the rate between them (docs/INTEGRATIONS.md). Thread-safe; callers queue behind the sleeper.
 */
final class SenderPacer {
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration interval;
  private Instant nextSlot;

  SenderPacer(int ratePerSecond, Clock clock, Sleeper sleeper) {
    if (ratePerSecond < 1) {
      throw new IllegalArgumentException("ratePerSecond must be at least 1");
    }
    this.clock = clock;
    this.sleeper = sleeper;
    this.interval = Duration.ofNanos(1_000_000_000L / ratePerSecond);
  }

  /** Returns when the next message may leave. */
  synchronized void awaitTurn() throws InterruptedException {
    Instant now = clock.instant();
    if (nextSlot != null && now.isBefore(nextSlot)) {
      sleeper.sleep(Duration.between(now, nextSlot));
      now = nextSlot;
    }
    nextSlot = now.plus(interval);
  }
}
