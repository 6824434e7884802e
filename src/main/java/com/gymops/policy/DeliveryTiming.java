package com.gymops.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Objects;

/**
 * When a member message may be delivered: inside the club's sending window, club-local. Messages
 * planned outside it are deferred to the next opening, never dropped (DESIGN §1.3).
 */
public final class DeliveryTiming {
  // A window longer than a DST gap has a valid instant every day; a window that lies wholly in a
  // gap (e.g. 02:10-02:50 in New York) skips that day, so look a few days ahead.
  private static final int DAYS_TO_SEARCH = 8;

  private DeliveryTiming() {}

  /** Whether {@code instant} falls inside the window, read in the club's zone. */
  public static boolean isInside(Instant instant, ZoneId zone, SendingWindow window) {
    Objects.requireNonNull(instant, "instant");
    return window.contains(LocalDateTime.ofInstant(instant, zone).toLocalTime());
  }

  /**
   * The earliest instant at or after {@code now} inside the window: {@code now} itself when it is
   * inside, else the next opening. An opening that falls into a DST gap (the clock jumps over it)
   * becomes the end of the gap, the first instant that exists that day; an opening that occurs
   * twice (the clock falls back) is the first occurrence not before {@code now}.
   *
   * @throws IllegalStateException if the window has no valid instant in the next days, which only a
   *     window shorter than a DST gap repeated on consecutive days could cause
   */
  public static Instant nextDeliveryAt(Instant now, ZoneId zone, SendingWindow window) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(window, "window");
    if (isInside(now, zone, window)) {
      return now;
    }
    LocalDate today = LocalDateTime.ofInstant(now, zone).toLocalDate();
    for (int day = 0; day < DAYS_TO_SEARCH; day++) {
      for (Instant opening : openings(today.plusDays(day), zone, window)) {
        if (!opening.isBefore(now) && isInside(opening, zone, window)) {
          return opening;
        }
      }
    }
    throw new IllegalStateException(
        "sending window " + window.start() + "-" + window.end() + " never opens in " + zone);
  }

  /** The instants at which the window opens on {@code date}, earliest first. */
  private static List<Instant> openings(LocalDate date, ZoneId zone, SendingWindow window) {
    LocalDateTime start = date.atTime(window.start());
    ZoneRules rules = zone.getRules();
    ZoneOffsetTransition transition = rules.getTransition(start);
    if (transition == null) {
      ZoneOffset offset = rules.getValidOffsets(start).get(0);
      return List.of(start.toInstant(offset));
    }
    if (transition.isGap()) {
      return List.of(transition.getInstant());
    }
    return List.of(
        start.toInstant(transition.getOffsetBefore()),
        start.toInstant(transition.getOffsetAfter()));
  }
}
