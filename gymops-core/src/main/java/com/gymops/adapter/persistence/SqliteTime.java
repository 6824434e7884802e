package com.gymops.adapter.persistence;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * How SQLite holds java.time values: an instant as fixed-width ISO-8601 UTC text with microseconds
 * ({@code 2026-11-25T15:30:00.000000Z}), a date as {@code yyyy-MM-dd}. Fixed width makes text order
 * the order of time, so {@code <}, {@code ORDER BY} and indexes work in SQL as on PostgreSQL, and
 * microseconds are what PostgreSQL keeps, so both stores return the same values.
 */
final class SqliteTime {
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private SqliteTime() {}

  /**
   * Written by the digits' positions for the years 0000–9999 (a run writes three instants per text,
   * tens of thousands per run, and {@link DateTimeFormatter} was a tenth of its writes); any other
   * year through the formatter.
   */
  static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < MIN_FAST_SECONDS || seconds > MAX_FAST_SECONDS) {
      return INSTANT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    char[] text = new char[FORMATTED_LENGTH];
    put(text, 0, 4, date.getYear());
    text[4] = '-';
    put(text, 5, 7, date.getMonthValue());
    text[7] = '-';
    put(text, 8, 10, date.getDayOfMonth());
    text[10] = 'T';
    put(text, 11, 13, secondOfDay / 3_600);
    text[13] = ':';
    put(text, 14, 16, secondOfDay / 60 % 60);
    text[16] = ':';
    put(text, 17, 19, secondOfDay % 60);
    text[19] = '.';
    put(text, 20, 26, instant.getNano() / 1_000);
    text[26] = 'Z';
    return new String(text);
  }

  /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years of four digits. */
  private static final long MIN_FAST_SECONDS = -62_167_219_200L;

  private static final long MAX_FAST_SECONDS = 253_402_300_799L;

  /** Writes {@code value} as {@code to - from} decimal digits, zero-padded, into text[from, to). */
  private static void put(char[] text, int from, int to, int value) {
    for (int i = to - 1; i >= from; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * Reads what {@link #format} wrote by the digits' positions, which is several times faster than
   * {@link Instant#parse} on the hot reads (a club's whole collection history); any other shape (an
   * instant written by hand or by an older build) goes through {@link Instant#parse}.
   */
  static Instant parseInstant(String text) {
    if (text.length() != FORMATTED_LENGTH
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(19) != '.'
        || text.charAt(26) != 'Z') {
      return Instant.parse(text);
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int micros = digits(text, 20, 26);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || micros < 0) {
      return Instant.parse(text);
    }
    // LocalDate.of and the range checks reject what Instant.parse would reject.
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    if (hour > 23 || minute > 59 || second > 59) {
      return Instant.parse(text);
    }
    return Instant.ofEpochSecond(
        epochDay * 86_400L + hour * 3_600L + minute * 60L + second, micros * 1_000L);
  }

  /** The length of {@code 2026-11-25T15:30:00.000000Z}. */
  private static final int FORMATTED_LENGTH = 27;

  /** The decimal number in {@code text[from, to)}, or -1 if any of it is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** {@code yyyy-MM-dd} by the digits' positions, like {@link #parseInstant}; else parsed. */
  static LocalDate parseDate(String text) {
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 7);
      int day = digits(text, 8, 10);
      if (year >= 0 && month >= 0 && day >= 0) {
        return LocalDate.of(year, month, day);
      }
    }
    return LocalDate.parse(text);
  }

  /** Binds every {@link Instant} of a statement as {@link #format} text. */
  static final class InstantArgument extends AbstractArgumentFactory<Instant> {
    InstantArgument() {
      super(Types.VARCHAR);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
      String text = format(value);
      return (position, statement, context) -> statement.setString(position, text);
    }
  }

  /** Binds every {@link LocalDate} of a statement as ISO text. */
  static final class DateArgument extends AbstractArgumentFactory<LocalDate> {
    DateArgument() {
      super(Types.VARCHAR);
    }

    @Override
    protected Argument build(LocalDate value, ConfigRegistry config) {
      String text = value.toString();
      return (position, statement, context) -> statement.setString(position, text);
    }
  }
}
