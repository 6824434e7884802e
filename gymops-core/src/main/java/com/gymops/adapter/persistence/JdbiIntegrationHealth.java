package com.gymops.adapter.persistence;

import com.gymops.application.port.store.IntegrationHealthStore;
import com.gymops.domain.IntegrationHealth;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** {@code integration_health} in portable SQL: update, else insert. */
final class JdbiIntegrationHealth implements IntegrationHealthStore {
  private static final int MAX_ERROR = 1000;

  private final Jdbi jdbi;

  JdbiIntegrationHealth(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void succeeded(String name, Instant at) {
    write(
        name,
        "UPDATE integration_health SET last_success_at = :at WHERE name = :name",
        "INSERT INTO integration_health (name, last_success_at) VALUES (:name, :at)"
            + " ON CONFLICT DO NOTHING",
        at,
        null);
  }

  @Override
  public void failed(String name, Instant at, String error) {
    write(
        name,
        "UPDATE integration_health SET last_error_at = :at, last_error = :error WHERE name = :name",
        "INSERT INTO integration_health (name, last_error_at, last_error)"
            + " VALUES (:name, :at, :error) ON CONFLICT DO NOTHING",
        at,
        error == null ? "" : error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR));
  }

  private void write(String name, String update, String insert, Instant at, String error) {
    jdbi.useTransaction(
        handle -> {
          var changed = handle.createUpdate(update).bind("name", name).bind("at", at);
          if (error != null) {
            changed.bind("error", error);
          }
          if (changed.execute() == 0) {
            var added = handle.createUpdate(insert).bind("name", name).bind("at", at);
            if (error != null) {
              added.bind("error", error);
            }
            added.execute();
          }
        });
  }

  @Override
  public List<IntegrationHealth> all() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT name, last_success_at, last_error_at, last_error"
                        + " FROM integration_health ORDER BY name")
                .map(
                    (rs, ctx) ->
                        new IntegrationHealth(
                            rs.getString("name"),
                            Columns.instant(rs, "last_success_at"),
                            Columns.instant(rs, "last_error_at"),
                            rs.getString("last_error")))
                .list());
  }
}
