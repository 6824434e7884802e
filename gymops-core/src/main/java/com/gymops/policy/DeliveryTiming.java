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
import java.util.Optional;

/**
 * When a member message may be delivered: inside the recipient's window ({@link TextingHours}: the
 * federal rule, their state's and the club's setting), in the recipient's zone. Messages planned
 * outside it are deferred to the next opening, never dropped (docs/WORKFLOWS.md).
 */
public final class DeliveryTiming {
  // Long enough to pass a closed Sunday followed by a holiday Monday, and a window that lies
  // wholly in a DST gap (e.g. 02:10-02:50 in New York) on some day.
  private static final int DAYS_TO_SEARCH = 15;

  private DeliveryTiming() {}

  /** The window on some local date, or empty when nothing may be delivered that day. */
  @FunctionalInterface
  interface DailyWindow {
    Optional<SendingWindow> on(LocalDate date);
  }

  /** Whether {@code instant} falls inside the recipient's window, read in their zone. */
  public static boolean isInside(Instant instant, Recipient recipient, SendingWindow club) {
    return isInside(instant, recipient.zone(), daily(recipient, club));
  }

  /**
   * The earliest instant at or after {@code now} inside the recipient's window: {@code now} itself
   * when it is inside, else the next opening. An opening that falls into a DST gap (the clock jumps
   * over it) becomes the end of the gap, the first instant that exists that day; an opening that
   * occurs twice (the clock falls back) is the first occurrence not before {@code now}.
   *
   * @throws IllegalStateException if the window has no valid instant in the next two weeks, which
   *     only a club window outside the federal hours could cause (the configuration refuses one)
   */
  public static Instant nextDeliveryAt(Instant now, Recipient recipient, SendingWindow club) {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(club, "club");
    return nextOpening(now, recipient.zone(), daily(recipient, club));
  }

  private static DailyWindow daily(Recipient recipient, SendingWindow club) {
    return date -> TextingHours.on(date, recipient.state(), club);
  }

  static boolean isInside(Instant instant, ZoneId zone, DailyWindow window) {
    Objects.requireNonNull(instant, "instant");
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    return window
        .on(local.toLocalDate())
        .map(open -> open.contains(local.toLocalTime()))
        .orElse(false);
  }

  static Instant nextOpening(Instant now, ZoneId zone, DailyWindow window) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(zone, "zone");
    if (isInside(now, zone, window)) {
      return now;
    }
    LocalDate today = LocalDateTime.ofInstant(now, zone).toLocalDate();
    for (int day = 0; day < DAYS_TO_SEARCH; day++) {
      LocalDate date = today.plusDays(day);
      Optional<SendingWindow> open = window.on(date);
      if (open.isEmpty()) {
        continue;
      }
      for (Instant opening : openings(date, zone, open.get())) {
        if (!opening.isBefore(now) && isInside(opening, zone, window)) {
          return opening;
        }
      }
    }
    throw new IllegalStateException("the sending window never opens in " + zone);
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
