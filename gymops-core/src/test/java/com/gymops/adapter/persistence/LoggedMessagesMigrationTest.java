package com.gymops.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V24 on a database written before LOGGED existed: the log provider's messages, SENT with a {@code
 * log-} id, become LOGGED; a provider's real sends stay SENT (docs/DATA-MODEL.md).
 */
class LoggedMessagesMigrationTest {
  @TempDir Path directory;

  @Test
  void on_sqlite_the_log_providers_sends_become_logged_and_twilios_stay_sent() throws Exception {
    String url = "jdbc:sqlite:" + directory.resolve("gymops.db");
    assertThat(migrated(url, null, "sqlite"))
        .containsEntry("log-1", "LOGGED")
        .containsEntry("SM0123456789abcdef0123456789abcdef", "SENT")
        .containsEntry("log-2", "FAILED");
  }

  @Test
  void on_postgresql_the_same() throws Exception {
    String url = System.getenv("GYMOPS_TEST_PG_URL");
    Assumptions.assumeTrue(
        url != null && !url.isBlank(),
        "set GYMOPS_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run");
    String schema = "v24_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try {
      assertThat(migrated(url, schema, "postgresql"))
          .containsEntry("log-1", "LOGGED")
          .containsEntry("SM0123456789abcdef0123456789abcdef", "SENT")
          .containsEntry("log-2", "FAILED");
    } finally {
      try (Connection connection = DriverManager.getConnection(url);
          Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  /**
   * The statuses by provider id after migrating to V22 (the last before V24), writing three
   * messages, then to the end.
   */
  private static Map<String, String> migrated(String url, String schema, String vendor)
      throws SQLException {
    flyway(url, schema, vendor, MigrationVersion.fromVersion("22")).migrate();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      if (schema != null) {
        statement.execute("SET search_path TO " + schema);
      }
      int id = 0;
      for (String[] row :
          new String[][] {
            {"log-1", "SENT"}, {"SM0123456789abcdef0123456789abcdef", "SENT"}, {"log-2", "FAILED"}
          }) {
        id++;
        statement.executeUpdate(
            "INSERT INTO outbound_message (idempotency_key, club_id, channel, recipient, purpose,"
                + " body, segments, status, created_at, not_before, provider_id) VALUES ('key-"
                + id
                + "', 'main', 'SMS', '+12015550100', 'REMINDER', 'Hi', 1, '"
                + row[1]
                + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '"
                + row[0]
                + "')");
      }
    }
    flyway(url, schema, vendor, MigrationVersion.LATEST).migrate();
    Map<String, String> statuses = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      if (schema != null) {
        statement.execute("SET search_path TO " + schema);
      }
      try (ResultSet rows =
          statement.executeQuery("SELECT provider_id, status FROM outbound_message")) {
        while (rows.next()) {
          statuses.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    return statuses;
  }

  private static Flyway flyway(String url, String schema, String vendor, MigrationVersion target) {
    var configuration =
        Flyway.configure()
            .dataSource(url, null, null)
            .locations(Database.COMMON_MIGRATIONS, "classpath:db/vendor/" + vendor)
            .target(target);
    if (schema != null) {
      configuration.schemas(schema).defaultSchema(schema).createSchemas(true);
    }
    return configuration.load();
  }
}
