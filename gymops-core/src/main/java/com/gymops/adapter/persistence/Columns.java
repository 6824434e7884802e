package com.gymops.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Reads java.time values the same way on SQLite and PostgreSQL, independent of the JVM's zone.
 * SQLite hands back the text {@link SqliteTime} wrote; PostgreSQL its own temporal types.
 */
final class Columns {
  private Columns() {}

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return instant(rs, rs.findColumn(column));
  }

  /** The instant in column {@code column} (1-based), or null. */
  static Instant instant(ResultSet rs, int column) throws SQLException {
    Object value = rs.getObject(column);
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return SqliteTime.parseInstant(text);
    }
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  /** The date in column {@code column} (1-based), or null. */
  static LocalDate date(ResultSet rs, int column) throws SQLException {
    Object value = rs.getObject(column);
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return SqliteTime.parseDate(text);
    }
    return rs.getObject(column, LocalDate.class);
  }

  static LocalDate date(ResultSet rs, String column) throws SQLException {
    return date(rs, rs.findColumn(column));
  }
}
