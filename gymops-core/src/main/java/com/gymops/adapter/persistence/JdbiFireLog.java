package com.gymops.adapter.persistence;

import com.gymops.application.port.store.FireLog;
import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The fire log in {@code schedule_fire}; the unique key decides the first attempt. */
final class JdbiFireLog implements FireLog {
  private final Jdbi jdbi;

  JdbiFireLog(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public int record(
      WorkflowId workflow, ClubId club, Instant scheduledFor, String node, Instant now) {
    return jdbi.inTransaction(
        handle -> {
          int inserted =
              handle
                  .createUpdate(
                      "INSERT INTO schedule_fire (workflow, club_id, scheduled_for,"
                          + " first_fired_at, last_fired_at, node, attempts)"
                          + " VALUES (:workflow, :club, :scheduled_for, :now, :now, :node, 1)"
                          + " ON CONFLICT DO NOTHING")
                  .bind("workflow", workflow.id())
                  .bind("club", club.value())
                  .bind("scheduled_for", scheduledFor)
                  .bind("now", now)
                  .bind("node", node)
                  .execute();
          if (inserted == 1) {
            return 1;
          }
          handle
              .createUpdate(
                  "UPDATE schedule_fire SET attempts = attempts + 1, last_fired_at = :now,"
                      + " node = :node WHERE workflow = :workflow AND club_id = :club"
                      + " AND scheduled_for = :scheduled_for")
              .bind("workflow", workflow.id())
              .bind("club", club.value())
              .bind("scheduled_for", scheduledFor)
              .bind("now", now)
              .bind("node", node)
              .execute();
          return handle
              .createQuery(
                  "SELECT attempts FROM schedule_fire WHERE workflow = :workflow"
                      + " AND club_id = :club AND scheduled_for = :scheduled_for")
              .bind("workflow", workflow.id())
              .bind("club", club.value())
              .bind("scheduled_for", scheduledFor)
              .mapTo(Integer.class)
              .one();
        });
  }

  @Override
  public List<Fire> fires() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT workflow, club_id, scheduled_for, first_fired_at, last_fired_at, node,"
                        + " attempts FROM schedule_fire"
                        + " ORDER BY scheduled_for, workflow, club_id")
                .map(
                    (rs, ctx) ->
                        new Fire(
                            WorkflowId.fromId(rs.getString("workflow")),
                            new ClubId(rs.getString("club_id")),
                            Columns.instant(rs, "scheduled_for"),
                            Columns.instant(rs, "first_fired_at"),
                            Columns.instant(rs, "last_fired_at"),
                            rs.getString("node"),
                            rs.getInt("attempts")))
                .list());
  }
}
