package com.gymops.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * The US federal holidays, on their dates and on the weekday they are observed when they fall on a
 * weekend: the days a state that forbids texts "on legal holidays" is taken to mean. States add
 * their own holidays; GymOps does not know those (docs/COMPLIANCE.md).
 */
final class UsHolidays {
  private UsHolidays() {}

  static boolean isHoliday(LocalDate date) {
    return isFederalHoliday(date) || isObserved(date);
  }

  private static boolean isObserved(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    if (day == DayOfWeek.FRIDAY) {
      return isFixedHoliday(date.plusDays(1));
    }
    if (day == DayOfWeek.MONDAY) {
      return isFixedHoliday(date.minusDays(1));
    }
    return false;
  }

  private static boolean isFederalHoliday(LocalDate date) {
    return isFixedHoliday(date) || isFloatingHoliday(date);
  }

  private static boolean isFixedHoliday(LocalDate date) {
    Month month = date.getMonth();
    int day = date.getDayOfMonth();
    return month == Month.JANUARY && day == 1
        || month == Month.JUNE && day == 19
        || month == Month.JULY && day == 4
        || month == Month.NOVEMBER && day == 11
        || month == Month.DECEMBER && day == 25;
  }

  private static boolean isFloatingHoliday(LocalDate date) {
    return switch (date.getMonth()) {
      case JANUARY, FEBRUARY -> date.equals(nth(date, 3, DayOfWeek.MONDAY));
      case MAY -> date.equals(date.with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
      case SEPTEMBER -> date.equals(nth(date, 1, DayOfWeek.MONDAY));
      case OCTOBER -> date.equals(nth(date, 2, DayOfWeek.MONDAY));
      case NOVEMBER -> date.equals(nth(date, 4, DayOfWeek.THURSDAY));
      default -> false;
    };
  }

  private static LocalDate nth(LocalDate date, int ordinal, DayOfWeek day) {
    return date.with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
  }
}
