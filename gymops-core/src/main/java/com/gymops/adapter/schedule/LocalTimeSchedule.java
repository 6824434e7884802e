package com.gymops.adapter.schedule;

import com.gymops.policy.Fortnight;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * At a local time on the days a rule picks, once per local date. A time that a DST change skips
 * fires at the same distance after the gap (02:30 becomes 03:30); a time that occurs twice fires at
 * its first occurrence only.
 */
public record LocalTimeSchedule(Days days, LocalTime time, ZoneId zone) implements FireSchedule {
  /** Far enough to find the next fire of any rule here; a guard against a rule that never fires. */
  private static final int SEARCH_DAYS = 800;

  public LocalTimeSchedule {
    Objects.requireNonNull(days, "days");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(zone, "zone");
  }

  /** Which local dates fire. */
  public sealed interface Days permits EveryDay, DayOfMonth, EveryOtherMonday {
    boolean includes(LocalDate date);
  }

  public record EveryDay() implements Days {
    @Override
    public boolean includes(LocalDate date) {
      return true;
    }
  }

  public record DayOfMonth(int day) implements Days {
    @Override
    public boolean includes(LocalDate date) {
      return date.getDayOfMonth() == day;
    }
  }

  /** Every 14 days from the anchor Monday, never by ISO week parity (53-week years break it). */
  public record EveryOtherMonday(Fortnight fortnight) implements Days {
    @Override
    public boolean includes(LocalDate date) {
      return fortnight.isReferralDay(date);
    }
  }

  public Instant fireOn(LocalDate date) {
    return ZonedDateTime.of(date, time, zone).toInstant();
  }

  @Override
  public Instant nextAfter(Instant instant) {
    // From the day before: a fire pushed past midnight by a gap belongs to the previous date.
    LocalDate date = instant.atZone(zone).toLocalDate().minusDays(1);
    for (int i = 0; i < SEARCH_DAYS; i++, date = date.plusDays(1)) {
      if (days.includes(date) && fireOn(date).isAfter(instant)) {
        return fireOn(date);
      }
    }
    throw new IllegalStateException(this + " has no fire after " + instant);
  }

  @Override
  public Instant latestAtOrBefore(Instant instant) {
    LocalDate date = instant.atZone(zone).toLocalDate().plusDays(1);
    for (int i = 0; i < SEARCH_DAYS; i++, date = date.minusDays(1)) {
      if (days.includes(date) && !fireOn(date).isAfter(instant)) {
        return fireOn(date);
      }
    }
    throw new IllegalStateException(this + " has no fire before " + instant);
  }
}
