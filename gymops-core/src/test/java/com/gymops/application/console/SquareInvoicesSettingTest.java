package com.gymops.application.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.persistence.Database;
import com.gymops.adapter.persistence.Persistence;
import com.gymops.testing.TestDatabases;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Settings page's line on Square invoices made on demand. */
class SquareInvoicesSettingTest {
  private static final String SQUARE =
      "clubs: [{id: main, timezone: America/New_York}]\n"
          + "payments: {provider: square, square: {notification_url:"
          + " \"https://gym.example.com/webhooks/square\"";

  @TempDir Path directory;
  private Database database;

  @BeforeEach
  void open() {
    database = TestDatabases.embedded(directory);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private List<Setting> integrations(String yaml) {
    return new SettingsQuery(
            ConfigLoader.parse(
                yaml, Map.of("GYMOPS_SQUARE_ACCESS_TOKEN", "EAAAx"), ZoneId.of("UTC")),
            Persistence.stores(database).syncState(),
            Persistence.integrationHealth(database))
        .integrations();
  }

  @Test
  void a_square_club_without_a_location_id_is_shown_with_invoices_off_and_the_setting_to_set() {
    assertThat(integrations(SQUARE + "}}\n"))
        .contains(
            new Setting(
                "Square invoices made on demand",
                "off: payments.square.location_id is not set",
                "payments.square.location_id"));
    assertThat(integrations(SQUARE + ", location_id: L1A2}}\n"))
        .contains(
            new Setting(
                "Square invoices made on demand",
                "at location L1A2",
                "payments.square.location_id"));
    assertThat(integrations("clubs: [{id: main, timezone: America/New_York}]\n"))
        .noneMatch(setting -> setting.key().startsWith("Square"));
  }
}
