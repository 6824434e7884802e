package com.gymops.application.run;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** The one scheme of run ids: {@code run-<UTC time of the run's now>-<8 random hex digits>}. */
public final class RunIds {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private RunIds() {}

  public static String next(Instant at) {
    return "run-" + TIME.format(at) + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
