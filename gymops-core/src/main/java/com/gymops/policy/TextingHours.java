package com.gymops.policy;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import com.gymops.domain.UsState;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

/**
 * When a text may reach a person, in their local time: the strictest of the federal rule (TCPA,
 * 08:00-21:00), their state's rule and the club's own sending window. The state rules are
 * telemarketing rules from third-party compilations of state law (docs/COMPLIANCE.md); GymOps
 * applies them to every member text, dues included, because a reminder read as marketing is the
 * lawsuit and a few hours' wait costs nothing.
 */
public final class TextingHours {
  static final StateTextingHours FEDERAL = StateTextingHours.everyDay(8, 21);

  private static final Map<String, StateTextingHours> STATES =
      Map.ofEntries(
          Map.entry(
              "AL",
              StateTextingHours.builder()
                  .days(8, 20, MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY)
                  .closedOnHolidays()
                  .build()),
          Map.entry("CT", StateTextingHours.everyDay(9, 20)),
          Map.entry("FL", StateTextingHours.everyDay(8, 20)),
          Map.entry("KY", StateTextingHours.everyDay(10, 21)),
          Map.entry(
              "LA",
              StateTextingHours.builder()
                  .days(8, 20, MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY)
                  .closedOnHolidays()
                  .build()),
          Map.entry("MD", StateTextingHours.everyDay(8, 20)),
          Map.entry("MI", StateTextingHours.everyDay(9, 21)),
          Map.entry("MN", StateTextingHours.everyDay(9, 21)),
          Map.entry("MS", StateTextingHours.everyDay(8, 20)),
          Map.entry("NJ", StateTextingHours.everyDay(8, 20)),
          Map.entry("NV", StateTextingHours.everyDay(9, 20)),
          Map.entry("OK", StateTextingHours.everyDay(8, 20)),
          Map.entry(
              "RI",
              StateTextingHours.builder()
                  .days(9, 18, MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)
                  .days(10, 17, SATURDAY, SUNDAY)
                  .build()),
          Map.entry(
              "TX",
              StateTextingHours.builder()
                  .days(9, 21, MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY)
                  .days(12, 21, SUNDAY)
                  .build()));

  private TextingHours() {}

  /**
   * The window on {@code date} (the person's local date) for a person in {@code state}, or in an
   * unknown state ({@code null}: the federal rule alone); empty when no text may reach them that
   * day.
   */
  public static Optional<SendingWindow> on(LocalDate date, UsState state, SendingWindow club) {
    Optional<SendingWindow> window = FEDERAL.on(date).flatMap(federal -> intersect(federal, club));
    if (state != null && STATES.containsKey(state.code())) {
      Optional<SendingWindow> stateHours = STATES.get(state.code()).on(date);
      window = window.flatMap(open -> stateHours.flatMap(hours -> intersect(open, hours)));
    }
    return window;
  }

  /** Whether {@code club} leaves any time on an ordinary day inside the federal hours. */
  public static boolean overlapsFederalHours(SendingWindow club) {
    return intersect(FEDERAL.hours().get(MONDAY), club).isPresent();
  }

  private static Optional<SendingWindow> intersect(SendingWindow a, SendingWindow b) {
    LocalTime start = a.start().isAfter(b.start()) ? a.start() : b.start();
    LocalTime end = a.end().isBefore(b.end()) ? a.end() : b.end();
    return start.isBefore(end) ? Optional.of(new SendingWindow(start, end)) : Optional.empty();
  }
}
