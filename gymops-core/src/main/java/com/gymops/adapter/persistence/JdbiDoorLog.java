package com.gymops.adapter.persistence;

import com.gymops.application.port.store.DoorLog;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.MemberId;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Door changes in the {@code door_change} table, applied to {@code member} in one transaction. */
final class JdbiDoorLog implements DoorLog {
  private final Jdbi jdbi;
  private final Queries queries;

  JdbiDoorLog(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.queries = new Queries(jdbi);
  }

  @Override
  public boolean change(
      MemberId member, DoorAccess door, Instant at, String runId, String idempotencyKey) {
    return jdbi.inTransaction(
        handle -> {
          int logged =
              handle
                  .createUpdate(
                      "INSERT INTO door_change (member_id, changed_at, new_state, lock_reason,"
                          + " run_id, idempotency_key) VALUES (:member, :at, :state, :reason,"
                          + " :run_id, :key) ON CONFLICT DO NOTHING")
                  .bind("member", member.value())
                  .bind("at", at)
                  .bind("state", door.state().name())
                  .bind("reason", door.lockReason() == null ? null : door.lockReason().name())
                  .bind("run_id", runId)
                  .bind("key", idempotencyKey)
                  .execute();
          if (logged == 0) {
            return false;
          }
          handle
              .createUpdate(
                  "UPDATE member SET door_state = :state, lock_reason = :reason, updated_at = :at"
                      + " WHERE member_id = :member")
              .bind("state", door.state().name())
              .bind("reason", door.lockReason() == null ? null : door.lockReason().name())
              .bind("at", at)
              .bind("member", member.value())
              .execute();
          return true;
        });
  }

  @Override
  public boolean isRecorded(String idempotencyKey) {
    return queries.count(
            "SELECT COUNT(*) FROM door_change WHERE idempotency_key = ?", idempotencyKey)
        > 0;
  }

  @Override
  public java.util.List<Change> ofMember(MemberId member) {
    return queries.list(
        Change.class,
        "SELECT changed_at, new_state, lock_reason, run_id FROM door_change"
            + " WHERE member_id = ? ORDER BY changed_at, id",
        member.value());
  }

  @Override
  public long count() {
    return queries.count("SELECT COUNT(*) FROM door_change");
  }
}
