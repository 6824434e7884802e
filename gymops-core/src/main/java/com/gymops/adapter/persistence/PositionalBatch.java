package com.gymops.adapter.persistence;

import com.gymops.application.port.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * A JDBC batch on the handle's connection (so inside its transaction), bound by position: the
 * inserts a run makes by the thousand (texts, attempts, run events). Jdbi's named batches look up
 * an argument factory for every value, which cost about as much as the inserts themselves (issue
 * 14's profile); here each setter is one JDBC call. Instants are bound as Jdbi binds them on each
 * store, so the rows are the same whichever path wrote them: {@link SqliteTime} text on SQLite, a
 * {@link Timestamp} on PostgreSQL. A driver's failure is thrown as a {@link StoreException} with
 * the driver's exception as its cause, as Jdbi's own statements throw theirs unchecked.
 */
final class PositionalBatch implements AutoCloseable {
  private final PreparedStatement statement;
  private final boolean sqlite;
  private int column;

  private final String sql;

  private PositionalBatch(PreparedStatement statement, boolean sqlite, String sql) {
    this.statement = statement;
    this.sqlite = sqlite;
    this.sql = sql;
  }

  private StoreException failed(SQLException e) {
    return new StoreException(
        "cannot execute " + sql.substring(0, sql.indexOf('(')).trim() + ": " + e.getMessage(), e);
  }

  /**
   * @param sql with {@code ?} placeholders
   */
  static PositionalBatch prepare(Handle handle, String sql) {
    Connection connection = handle.getConnection();
    try {
      boolean sqlite = connection.isWrapperFor(org.sqlite.SQLiteConnection.class);
      return new PositionalBatch(connection.prepareStatement(sql), sqlite, sql);
    } catch (SQLException e) {
      throw new StoreException("cannot prepare " + sql + ": " + e.getMessage(), e);
    }
  }

  PositionalBatch text(String value) {
    column++;
    try {
      if (value == null) {
        statement.setNull(column, Types.VARCHAR);
      } else {
        statement.setString(column, value);
      }
    } catch (SQLException e) {
      throw failed(e);
    }
    return this;
  }

  PositionalBatch integer(int value) {
    try {
      statement.setInt(++column, value);
    } catch (SQLException e) {
      throw failed(e);
    }
    return this;
  }

  PositionalBatch instant(Instant value) {
    column++;
    try {
      if (value == null) {
        statement.setNull(column, sqlite ? Types.VARCHAR : Types.TIMESTAMP_WITH_TIMEZONE);
      } else if (sqlite) {
        statement.setString(column, SqliteTime.format(value));
      } else {
        statement.setTimestamp(column, Timestamp.from(value));
      }
    } catch (SQLException e) {
      throw failed(e);
    }
    return this;
  }

  /** Ends the row: the next setter binds the first placeholder of the next one. */
  void add() {
    try {
      statement.addBatch();
    } catch (SQLException e) {
      throw failed(e);
    }
    column = 0;
  }

  int[] execute() {
    try {
      return statement.executeBatch();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void close() {
    try {
      statement.close();
    } catch (SQLException e) {
      throw failed(e);
    }
  }
}
