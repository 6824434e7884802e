package com.gymops.policy;

import java.time.LocalTime;
import java.util.Objects;

/**
 * The club-local hours in which member messages may be delivered, {@code [start, end)}. The default
 * 08:00-20:00 is the strictest common US rule (Florida).
 */
public record SendingWindow(LocalTime start, LocalTime end) {
  public static final SendingWindow DEFAULT =
      new SendingWindow(LocalTime.of(8, 0), LocalTime.of(20, 0));

  public SendingWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "sending window start " + start + " must be before end " + end);
    }
  }

  public boolean contains(LocalTime time) {
    return !time.isBefore(start) && time.isBefore(end);
  }
}
