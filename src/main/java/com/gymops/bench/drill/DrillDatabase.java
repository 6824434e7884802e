package com.gymops.bench.drill;

import com.gymops.store.Database;
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
 * process left it (SQLite replays its WAL on open).
 */
final class DrillDatabase {
  private final Path file;

  DrillDatabase(Path dataDir) {
    this.file = dataDir.resolve(Database.EMBEDDED_FILE);
  }

  /** {@code ok}, or what {@code PRAGMA integrity_check} found; never throws. */
  String integrity() {
    try {
      return Database.integrityCheck(file);
    } catch (RuntimeException e) {
      return "does not open: " + e.getMessage();
    }
  }

  List<List<String>> rows(String sql, Object... parameters) {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement statement = connection.prepareStatement(sql)) {
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
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
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
