package com.gymops.adapter.persistence;

import com.gymops.application.port.store.LoginThrottleStore;
import com.gymops.domain.ThrottleCounter;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
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

  /**
   * Compare-and-set on the counter read, retried until no other writer came between: portable to
   * SQLite and PostgreSQL without locking hints.
   */
  @Override
  public ThrottleCounter update(
      String key, Function<Optional<ThrottleCounter>, ThrottleCounter> change) {
    while (true) {
      Optional<ThrottleCounter> current = find(key);
      ThrottleCounter next = change.apply(current);
      boolean written = current.isPresent() ? replace(key, current.get(), next) : insert(key, next);
      if (written) {
        return next;
      }
    }
  }

  private boolean replace(String key, ThrottleCounter expected, ThrottleCounter next) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE login_throttle SET failures = :failures, window_start = :start,"
                            + " locked_until = :locked WHERE throttle_key = :key"
                            + " AND failures = :expectedFailures AND window_start = :expectedStart")
                    .bind("failures", next.failures())
                    .bind("start", next.windowStart())
                    .bindByType("locked", next.lockedUntil(), Instant.class)
                    .bind("key", key)
                    .bind("expectedFailures", expected.failures())
                    .bind("expectedStart", expected.windowStart())
                    .execute())
        == 1;
  }

  private boolean insert(String key, ThrottleCounter next) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "INSERT INTO login_throttle (throttle_key, failures, window_start,"
                            + " locked_until) VALUES (:key, :failures, :start, :locked)"
                            + " ON CONFLICT DO NOTHING")
                    .bind("failures", next.failures())
                    .bind("start", next.windowStart())
                    .bindByType("locked", next.lockedUntil(), Instant.class)
                    .bind("key", key)
                    .execute())
        == 1;
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
