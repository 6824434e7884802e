package com.gymops.adapter.persistence;

import com.gymops.application.port.store.SyncStateStore;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Watermarks in the {@code sync_state} table. */
final class JdbiSyncStateStore implements SyncStateStore {
  private final Jdbi jdbi;
  private final Queries queries;

  JdbiSyncStateStore(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.queries = new Queries(jdbi);
  }

  @Override
  public Optional<Instant> watermark(String name) {
    return queries.findOne(Instant.class, "SELECT watermark FROM sync_state WHERE name = ?", name);
  }

  /** Update, else insert: portable on SQLite and PostgreSQL, and one node pulls at a time. */
  @Override
  public void save(String name, Instant watermark, Instant at) {
    jdbi.useTransaction(
        handle -> {
          int updated =
              handle
                  .createUpdate(
                      "UPDATE sync_state SET watermark = :watermark, synced_at = :at"
                          + " WHERE name = :name")
                  .bind("watermark", watermark)
                  .bind("at", at)
                  .bind("name", name)
                  .execute();
          if (updated == 0) {
            handle
                .createUpdate(
                    "INSERT INTO sync_state (name, watermark, synced_at)"
                        + " VALUES (:name, :watermark, :at) ON CONFLICT DO NOTHING")
                .bind("watermark", watermark)
                .bind("at", at)
                .bind("name", name)
                .execute();
          }
        });
  }
}
