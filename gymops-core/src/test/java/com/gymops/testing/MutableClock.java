package com.gymops.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** A clock the test sets and steps by hand; never reads the system time. Thread-safe. */
public final class MutableClock extends Clock {
  private final ZoneId zone;
  private volatile Instant now;

  public MutableClock(Instant now, ZoneId zone) {
    this.now = Objects.requireNonNull(now, "now");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  public void set(Instant instant) {
    this.now = Objects.requireNonNull(instant, "instant");
  }

  public void advance(Duration duration) {
    this.now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new MutableClock(now, other);
  }
}
