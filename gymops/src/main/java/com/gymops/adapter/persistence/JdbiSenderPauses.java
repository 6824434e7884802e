package com.gymops.adapter.persistence;

import com.gymops.application.port.store.SenderPauses;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Paused senders in {@code sms_sender_pause}. */
final class JdbiSenderPauses implements SenderPauses {
  private final Jdbi jdbi;

  JdbiSenderPauses(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public boolean pause(Pause pause) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "INSERT INTO sms_sender_pause (sender, error_code, reason, paused_at)"
                            + " VALUES (:sender, :code, :reason, :at) ON CONFLICT DO NOTHING")
                    .bind("sender", pause.sender())
                    .bind("code", pause.errorCode())
                    .bind("reason", pause.reason())
                    .bind("at", pause.pausedAt())
                    .execute())
        == 1;
  }

  @Override
  public Optional<Pause> find(String sender) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT * FROM sms_sender_pause WHERE sender = :sender")
                .bind("sender", sender)
                .map(JdbiSenderPauses::map)
                .findOne());
  }

  @Override
  public List<Pause> all() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT * FROM sms_sender_pause ORDER BY sender")
                .map(JdbiSenderPauses::map)
                .list());
  }

  @Override
  public boolean release(String sender) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate("DELETE FROM sms_sender_pause WHERE sender = :sender")
                    .bind("sender", sender)
                    .execute())
        == 1;
  }

  private static Pause map(ResultSet rs, StatementContext context) throws SQLException {
    return new Pause(
        rs.getString("sender"),
        rs.getInt("error_code"),
        rs.getString("reason"),
        Columns.instant(rs, "paused_at"));
  }
}
