package com.gymops.adapter.persistence;

import com.gymops.application.port.store.AuditLog;
import com.gymops.domain.AuditEntry;
import com.gymops.domain.ClubId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The {@code audit_log} table. */
final class JdbiAuditLog implements AuditLog {
  private static final String COLUMNS =
      "audit_id, recorded_at, actor, club_id, action, target, before_state, after_state, reason";

  private final Jdbi jdbi;

  JdbiAuditLog(Jdbi jdbi) {
    this.jdbi = jdbi;
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
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM audit_log WHERE target = :target ORDER BY recorded_at, audit_id")
                .bind("target", target)
                .map((rs, context) -> entry(rs))
                .list());
  }

  @Override
  public List<AuditEntry> latest(int limit) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM audit_log ORDER BY recorded_at DESC, audit_id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, context) -> entry(rs))
                .list());
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    String club = rs.getString("club_id");
    return new AuditEntry(
        rs.getString("audit_id"),
        Columns.instant(rs, "recorded_at"),
        rs.getString("actor"),
        club == null ? null : new ClubId(club),
        rs.getString("action"),
        rs.getString("target"),
        rs.getString("before_state"),
        rs.getString("after_state"),
        rs.getString("reason"));
  }
}
