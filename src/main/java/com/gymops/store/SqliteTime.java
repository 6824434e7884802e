package com.gymops.store;

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

  static String format(Instant instant) {
    return INSTANT.format(instant.truncatedTo(ChronoUnit.MICROS));
  }

  static Instant parseInstant(String text) {
    return Instant.parse(text);
  }

  static LocalDate parseDate(String text) {
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
