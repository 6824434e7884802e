package com.gymops.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The hours in which one state lets a business text a person there, by day of the week, and whether
 * it forbids texts on holidays. A day without hours is a day without texts.
 */
record StateTextingHours(Map<DayOfWeek, SendingWindow> hours, boolean closedOnHolidays) {
  StateTextingHours {
    hours = Map.copyOf(hours);
  }

  Optional<SendingWindow> on(LocalDate date) {
    if (closedOnHolidays && UsHolidays.isHoliday(date)) {
      return Optional.empty();
    }
    return Optional.ofNullable(hours.get(date.getDayOfWeek()));
  }

  static StateTextingHours everyDay(int startHour, int endHour) {
    return builder().days(startHour, endHour, DayOfWeek.values()).build();
  }

  static Builder builder() {
    return new Builder();
  }

  static final class Builder {
    private final Map<DayOfWeek, SendingWindow> hours = new EnumMap<>(DayOfWeek.class);
    private boolean closedOnHolidays;

    Builder days(int startHour, int endHour, DayOfWeek... days) {
      SendingWindow window =
          new SendingWindow(LocalTime.of(startHour, 0), LocalTime.of(endHour, 0));
      for (DayOfWeek day : days) {
        hours.put(day, window);
      }
      return this;
    }

    Builder closed(DayOfWeek day) {
      hours.remove(day);
      return this;
    }

    Builder closedOnHolidays() {
      closedOnHolidays = true;
      return this;
    }

    StateTextingHours build() {
      return new StateTextingHours(hours, closedOnHolidays);
    }
  }
}
