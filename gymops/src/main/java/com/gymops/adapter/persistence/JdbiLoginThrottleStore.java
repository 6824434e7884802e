package com.gymops.adapter.persistence;

import com.gymops.application.port.store.LoginThrottleStore;
import com.gymops.domain.ThrottleCounter;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Counters in {@code login_throttle}. */
final class JdbiLoginThrottleStore implements LoginThrottleStore {
  private final Jdbi jdbi;

  JdbiLoginThrottleStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Optional<ThrottleCounter> find(String key) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT failures, window_start, locked_until FROM login_throttle"
                        + " WHERE throttle_key = :key")
                .bind("key", key)
                .map(
                    (rs, ctx) ->
                        new ThrottleCounter(
                            rs.getInt("failures"),
                            Columns.instant(rs, "window_start"),
                            Columns.instant(rs, "locked_until")))
                .findOne());
  }

  /** Update, else insert: portable, and a lost race only loses one count of a failure. */
  @Override
  public void save(String key, ThrottleCounter counter) {
    jdbi.useTransaction(
        handle -> {
          int updated =
              handle
                  .createUpdate(
                      "UPDATE login_throttle SET failures = :failures, window_start = :start,"
                          + " locked_until = :locked WHERE throttle_key = :key")
                  .bind("failures", counter.failures())
                  .bind("start", counter.windowStart())
                  .bindByType("locked", counter.lockedUntil(), Instant.class)
                  .bind("key", key)
                  .execute();
          if (updated == 0) {
            handle
                .createUpdate(
                    "INSERT INTO login_throttle (throttle_key, failures, window_start,"
                        + " locked_until) VALUES (:key, :failures, :start, :locked)"
                        + " ON CONFLICT DO NOTHING")
                .bind("failures", counter.failures())
                .bind("start", counter.windowStart())
                .bindByType("locked", counter.lockedUntil(), Instant.class)
                .bind("key", key)
                .execute();
          }
        });
  }

  @Override
  public void clear(String key) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate("DELETE FROM login_throttle WHERE throttle_key = :key")
                .bind("key", key)
                .execute());
  }
}
