package com.gymops.application.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.persistence.Database;
import com.gymops.adapter.persistence.Persistence;
import com.gymops.application.port.store.IntegrationHealthStore;
import com.gymops.domain.IntegrationHealth;
import com.gymops.testing.MutableClock;
import com.gymops.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integrations' health on the embedded database: written on a change, else once a minute. */
class HealthRecorderTest {
  private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");

  @TempDir Path directory;
  private final MutableClock clock = new MutableClock(NOW, ZoneOffset.UTC);
  private Database database;
  private IntegrationHealthStore store;
  private HealthRecorder health;

  @BeforeEach
  void open() {
    database = TestDatabases.embedded(directory);
    store = Persistence.integrationHealth(database);
    health = new HealthRecorder(store, clock);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void a_success_is_written_once_a_minute_and_an_error_at_once() {
    health.succeeded("twilio");
    clock.advance(Duration.ofSeconds(30));
    health.succeeded("twilio");

    assertThat(store.all()).containsExactly(new IntegrationHealth("twilio", NOW, null, null));

    clock.advance(Duration.ofSeconds(1));
    health.failed("twilio", "retry: 503 from Twilio");
    Instant failedAt = NOW.plusSeconds(31);
    clock.advance(Duration.ofSeconds(1));
    health.failed("twilio", "retry: 503 again");
    assertThat(store.all())
        .as("the error at once, a repeat of it not within the minute")
        .containsExactly(new IntegrationHealth("twilio", NOW, failedAt, "retry: 503 from Twilio"));

    clock.advance(Duration.ofSeconds(1));
    health.succeeded("twilio");
    assertThat(store.all())
        .as("a success after an error is a change, written at once; the error is kept")
        .containsExactly(
            new IntegrationHealth(
                "twilio", NOW.plusSeconds(33), failedAt, "retry: 503 from Twilio"));

    clock.advance(Duration.ofMinutes(1));
    health.succeeded("twilio");
    assertThat(store.all().get(0).lastSuccessAt()).isEqualTo(NOW.plusSeconds(93));
  }

  @Test
  void each_integration_has_its_own_row_and_a_long_error_is_clipped() {
    health.failed("door", "x".repeat(5000));
    health.succeeded("smtp");

    assertThat(store.all()).extracting(IntegrationHealth::name).containsExactly("door", "smtp");
    assertThat(store.all().get(0).lastError()).hasSize(1000);
    assertThat(store.all().get(0).lastSuccessAt()).isNull();
  }
}
