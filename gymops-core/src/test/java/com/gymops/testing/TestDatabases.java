package com.gymops.testing;

import com.gymops.adapter.persistence.Database;
import com.gymops.config.DatabaseSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Real databases for tests: a fresh embedded SQLite file, or a fresh schema on the PostgreSQL named
 * by {@code GYMOPS_TEST_PG_URL} (e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}).
 */
public final class TestDatabases {
  public static final String PG_URL_VARIABLE = "GYMOPS_TEST_PG_URL";

  private TestDatabases() {}

  public static Database embedded(Path directory) {
    return Database.open(DatabaseSettings.EMBEDDED, directory);
  }

  /** A database on a schema of its own, so that test classes never see each other's rows. */
  public static PostgresSchema postgres() {
    String baseUrl = System.getenv(PG_URL_VARIABLE);
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalStateException(PG_URL_VARIABLE + " is not set");
    }
    String schema = "gymops_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute(baseUrl, "CREATE SCHEMA " + schema);
    String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new PostgresSchema(
        baseUrl, schema, Database.open(new DatabaseSettings(url, null, null, 4), Path.of(".")));
  }

  private static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot run '" + sql + "' on " + url + ": " + e.getMessage(), e);
    }
  }

  /** A PostgreSQL database confined to one schema, dropped on close. */
  public record PostgresSchema(String baseUrl, String schema, Database database)
      implements AutoCloseable {
    @Override
    public void close() {
      database.close();
      execute(baseUrl, "DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
