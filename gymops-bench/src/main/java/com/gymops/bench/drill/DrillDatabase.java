package com.gymops.bench.drill;

import com.gymops.adapter.persistence.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a drill's database after a kill, with plain JDBC and no migration, exactly as the killed
 * process left it (SQLite replays its WAL on open): the embedded file of a data directory, or a
 * PostgreSQL database. The few columns whose type differs between the two go through {@link
 * #epochMillis} and {@link #isoInstant}.
 */
final class DrillDatabase {
  /** What {@link #integrity} checks on SQLite. */
  static final String EMBEDDED_CHECK =
      "integrity: PRAGMA integrity_check of gymops.db after every kill";

  /**
   * What {@link #integrity} checks on PostgreSQL: a server's own crash recovery has no file-level
   * counterpart of SQLite's integrity check the drill could run, so it checks what it can see.
   */
  static final String POSTGRES_CHECK =
      "integrity: on PostgreSQL no file check (the server's WAL recovery is not the drill's to"
          + " test); after every kill the database answers and every table in it is readable";

  private final String url;
  private final boolean postgres;

  private DrillDatabase(String url, boolean postgres) {
    this.url = url;
    this.postgres = postgres;
  }

  static DrillDatabase embedded(Path dataDir) {
    return new DrillDatabase("jdbc:sqlite:" + dataDir.resolve(Database.EMBEDDED_FILE), false);
  }

  static DrillDatabase postgres(String url) {
    return new DrillDatabase(url, true);
  }

  /**
   * {@code ok}, or what is wrong; never throws. On SQLite what {@code PRAGMA integrity_check}
   * found; on PostgreSQL whether the database answers and every table can be read through.
   */
  String integrity() {
    if (!postgres) {
      try {
        return Database.integrityCheck(Path.of(url.substring("jdbc:sqlite:".length())));
      } catch (RuntimeException e) {
        return "does not open: " + e.getMessage();
      }
    }
    try {
      List<List<String>> tables =
          rows(
              "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                  + " current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name");
      if (tables.isEmpty()) {
        return "no tables";
      }
      for (List<String> table : tables) {
        rows("SELECT COUNT(*) FROM \"" + table.get(0) + "\"");
      }
      return "ok";
    } catch (RuntimeException e) {
      return "not readable: " + e.getMessage();
    }
  }

  /** A timestamp column as milliseconds since the epoch (SQLite stores them so already). */
  String epochMillis(String column) {
    return postgres ? "CAST(EXTRACT(EPOCH FROM " + column + ") * 1000 AS BIGINT)" : column;
  }

  /** A timestamp column as ISO-8601 text {@link java.time.Instant#parse} reads. */
  String isoInstant(String column) {
    return postgres
        ? "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
        : column;
  }

  /** One statement that changes rows (a drill's setup), in a transaction of its own. */
  int update(String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        java.sql.Statement statement = connection.createStatement()) {
      return statement.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot update " + url + ": " + e.getMessage(), e);
    }
  }

  List<List<String>> rows(String sql, Object... parameters) {
    try (Connection connection = DriverManager.getConnection(url)) {
      return rows(connection, sql, parameters);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + url + ": " + e.getMessage(), e);
    }
  }

  /**
   * One connection for many quick reads, each in a transaction of its own (autocommit), so each
   * sees what was committed before it: for polling, where connecting each time (a new server
   * process on PostgreSQL) would cost more than the read.
   */
  final class Session implements AutoCloseable {
    private final Connection connection;

    private Session(Connection connection) {
      this.connection = connection;
    }

    List<List<String>> rows(String sql, Object... parameters) {
      try {
        return DrillDatabase.rows(connection, sql, parameters);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read " + url + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      try {
        connection.close();
      } catch (SQLException e) {
        // nothing was written through it
      }
    }
  }

  Session session() {
    try {
      return new Session(DriverManager.getConnection(url));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to " + url + ": " + e.getMessage(), e);
    }
  }

  private static List<List<String>> rows(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<List<String>> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          List<String> row = new ArrayList<>(columns);
          for (int c = 1; c <= columns; c++) {
            row.add(result.getString(c));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  long count(String sql, Object... parameters) {
    return Long.parseLong(rows(sql, parameters).get(0).get(0));
  }

  /** First column to second, for a two-column query. */
  Map<String, String> map(String sql, Object... parameters) {
    Map<String, String> map = new HashMap<>();
    for (List<String> row : rows(sql, parameters)) {
      map.put(row.get(0), row.get(1));
    }
    return map;
  }
}
