package com.gymops.adapter.persistence;

import com.gymops.application.port.store.SenderPauses;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Paused senders in {@code sms_sender_pause}. */
final class JdbiSenderPauses implements SenderPauses {
  private final Jdbi jdbi;
  private final Queries queries;

  JdbiSenderPauses(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.queries = new Queries(jdbi);
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
    return queries.findOne(Pause.class, "SELECT * FROM sms_sender_pause WHERE sender = ?", sender);
  }

  @Override
  public List<Pause> all() {
    return queries.list(Pause.class, "SELECT * FROM sms_sender_pause ORDER BY sender");
  }

  @Override
  public boolean release(String sender) {
    return queries.update("DELETE FROM sms_sender_pause WHERE sender = ?", sender) == 1;
  }
}
