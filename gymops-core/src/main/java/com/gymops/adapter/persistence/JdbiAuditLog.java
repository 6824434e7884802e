package com.gymops.adapter.persistence;

import com.gymops.application.port.store.AuditLog;
import com.gymops.domain.AuditEntry;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The {@code audit_log} table. */
final class JdbiAuditLog implements AuditLog {
  private static final String COLUMNS =
      "audit_id, recorded_at, actor, club_id, action, target, before_state, after_state, reason";

  private final Jdbi jdbi;
  private final Queries queries;

  JdbiAuditLog(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.queries = new Queries(jdbi);
  }

  @Override
  public void add(AuditEntry entry) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO audit_log ("
                        + COLUMNS
                        + ") VALUES (:id, :at, :actor, :club, :action, :target, :before, :after,"
                        + " :reason)")
                .bind("id", entry.id())
                .bind("at", entry.at())
                .bind("actor", entry.actor())
                .bind("club", entry.clubId() == null ? null : entry.clubId().value())
                .bind("action", entry.action())
                .bind("target", entry.target())
                .bind("before", entry.before())
                .bind("after", entry.after())
                .bind("reason", entry.reason())
                .execute());
  }

  @Override
  public List<AuditEntry> about(String target) {
    return queries.list(
        AuditEntry.class,
        "SELECT " + COLUMNS + " FROM audit_log WHERE target = ? ORDER BY recorded_at, audit_id",
        target);
  }

  @Override
  public List<AuditEntry> latest(int limit) {
    return queries.list(
        AuditEntry.class,
        "SELECT " + COLUMNS + " FROM audit_log ORDER BY recorded_at DESC, audit_id DESC LIMIT ?",
        limit);
  }
}
