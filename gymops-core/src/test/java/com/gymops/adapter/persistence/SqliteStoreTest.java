package com.gymops.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.application.port.store.StoreException;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded SQLite file, and what only the embedded store does. */
class SqliteStoreTest extends StoreContract {
  @TempDir Path directory;
  private final List<Database> opened = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(Database::close);
  }

  @Override
  protected Database open() {
    Database database = TestDatabases.embedded(directory);
    opened.add(database);
    return database;
  }

  @Override
  protected Database reopen() {
    Database again = TestDatabases.embedded(directory);
    opened.add(again);
    return again;
  }

  @Test
  void every_connection_syncs_each_commit_and_checkpoints_every_ten_thousand_pages() {
    database
        .jdbi()
        .useHandle(
            handle -> {
              assertThat(handle.createQuery("PRAGMA journal_mode").mapTo(String.class).one())
                  .isEqualToIgnoringCase("wal");
              // 2 = FULL: the WAL is synced at every commit, so an acknowledged write survives.
              assertThat(handle.createQuery("PRAGMA synchronous").mapTo(Integer.class).one())
                  .isEqualTo(2);
              assertThat(handle.createQuery("PRAGMA wal_autocheckpoint").mapTo(Integer.class).one())
                  .isEqualTo(10_000);
            });
  }

  @Test
  void a_lease_whose_process_died_is_taken_over_at_once_and_its_run_marked_interrupted() {
    Duration lease = Duration.ofMinutes(30);
    stores.runs().start(running("run-killed", NOW, false));
    // The lease row of a process killed with -9: in the table, but no process holds its file lock.
    assertThat(
            new JdbiWorkflowLocks(database.jdbi())
                .acquire(WorkflowId.DOOR_ACCESS, MAIN, "run-killed", NOW, lease))
        .isTrue();

    assertThat(stores.locks().recoverInterrupted(NOW.plusSeconds(5))).containsExactly("run-killed");
    assertThat(stores.runs().find("run-killed").orElseThrow().status())
        .isEqualTo(RunStatus.INTERRUPTED);
  }

  @Test
  void a_run_starting_after_a_kill_takes_the_dead_lease_over_without_waiting_for_it() {
    Duration lease = Duration.ofMinutes(30);
    stores.runs().start(running("run-killed", NOW, false));
    new JdbiWorkflowLocks(database.jdbi())
        .acquire(WorkflowId.DOOR_ACCESS, MAIN, "run-killed", NOW, lease);

    assertThat(
            stores
                .locks()
                .acquire(WorkflowId.DOOR_ACCESS, MAIN, "rerun", NOW.plusSeconds(5), lease))
        .isTrue();
    assertThat(
            stores
                .locks()
                .acquire(WorkflowId.DOOR_ACCESS, MAIN, "third", NOW.plusSeconds(6), lease))
        .isFalse();
    assertThat(stores.runs().find("run-killed").orElseThrow().status())
        .isEqualTo(RunStatus.INTERRUPTED);
  }

  @Test
  void a_backup_is_a_consistent_copy_that_passes_its_integrity_check() throws Exception {
    members.upsertAll(
        java.util.List.of(com.gymops.testing.MemberBuilder.aMember().withId("M1").build()), NOW);
    Path copy = directory.resolve("copy.db");

    database.backupTo(copy);

    assertThat(Database.integrityCheck(copy)).isEqualTo("ok");
    try (Database restored =
        TestDatabases.embedded(Files.createDirectories(directory.resolve("restored")))) {
      // nothing to restore into yet: an empty store migrates cleanly
      assertThat(new JdbiMemberStore(restored.jdbi()).count()).isZero();
    }
    Files.copy(
        copy,
        directory.resolve("restored").resolve("gymops.db"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.deleteIfExists(directory.resolve("restored").resolve("gymops.db-wal"));
    Files.deleteIfExists(directory.resolve("restored").resolve("gymops.db-shm"));
    try (Database restored = TestDatabases.embedded(directory.resolve("restored"))) {
      assertThat(new JdbiMemberStore(restored.jdbi()).count()).isEqualTo(1);
    }
    assertThatThrownBy(() -> database.backupTo(copy))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("exists already");
  }

  @Test
  void a_write_the_file_refuses_is_explained_as_a_read_only_store_and_changes_nothing()
      throws Exception {
    members.upsertAll(
        java.util.List.of(com.gymops.testing.MemberBuilder.aMember().withId("M1").build()), NOW);
    Path file = database.embeddedFile().orElseThrow();
    java.sql.SQLException refused;
    try (var connection =
            java.sql.DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
        var statement = connection.createStatement()) {
      refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              java.sql.SQLException.class, () -> statement.executeUpdate("DELETE FROM member"));
    }

    assertThat(StoreErrors.explain(new RuntimeException("write failed", refused), directory))
        .startsWith("the data directory " + directory + " is read-only; nothing was written");
    assertThat(members.count()).isEqualTo(1);
  }
}
