package com.gymops.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The referral fortnight: the anchor Monday and every 14 days before and after it. Counting from a
 * fixed date, not from ISO week parity, keeps the rhythm across years with 53 ISO weeks, where
 * "every odd week" would run twice in a row.
 */
public record Fortnight(LocalDate anchor) {
  private static final int DAYS = 14;

  public Fortnight {
    Objects.requireNonNull(anchor, "anchor");
    if (anchor.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new IllegalArgumentException("fortnight anchor " + anchor + " is not a Monday");
    }
  }

  public static Fortnight of(ReferralRules rules) {
    return new Fortnight(rules.anchorDate());
  }

  public boolean isReferralDay(LocalDate date) {
    return offset(date) == 0;
  }

  /** The first referral day on or after {@code date}. */
  public LocalDate nextOnOrAfter(LocalDate date) {
    long offset = offset(date);
    return offset == 0 ? date : date.plusDays(DAYS - offset);
  }

  private long offset(LocalDate date) {
    return Math.floorMod(ChronoUnit.DAYS.between(anchor, date), (long) DAYS);
  }
}
