package com.gymops.adapter.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * At the start of every local hour. Steps are taken on the timeline, not on the wall clock, so a
 * fall-back day has 25 fires and a spring-forward day 23: every real hour once.
 */
public record HourlySchedule(ZoneId zone) implements FireSchedule {
  public HourlySchedule {
    Objects.requireNonNull(zone, "zone");
  }

  @Override
  public Instant nextAfter(Instant instant) {
    return instant.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
  }

  @Override
  public Instant latestAtOrBefore(Instant instant) {
    return instant.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
  }
}
