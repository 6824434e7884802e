package com.gymops.adapter.persistence;

import com.gymops.application.port.store.PausedWorkflows;
import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowPause;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The {@code paused_workflow} table. */
final class JdbiPausedWorkflows implements PausedWorkflows {
  private final Jdbi jdbi;

  JdbiPausedWorkflows(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public boolean pause(WorkflowId workflow, String club, String by, Instant at) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "INSERT INTO paused_workflow (workflow, club_id, paused_by, paused_at)"
                            + " VALUES (:workflow, :club, :by, :at) ON CONFLICT DO NOTHING")
                    .bind("workflow", workflow.id())
                    .bind("club", club)
                    .bind("by", by)
                    .bind("at", at)
                    .execute())
        == 1;
  }

  @Override
  public boolean resume(WorkflowId workflow, String club) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "DELETE FROM paused_workflow WHERE workflow = :workflow AND club_id = :club")
                    .bind("workflow", workflow.id())
                    .bind("club", club)
                    .execute())
        == 1;
  }

  @Override
  public boolean isPaused(WorkflowId workflow, ClubId club) {
    return jdbi.withHandle(
        handle ->
            handle
                    .createQuery(
                        "SELECT COUNT(*) FROM paused_workflow WHERE workflow = :workflow"
                            + " AND club_id IN (:club, :all)")
                    .bind("workflow", workflow.id())
                    .bind("club", club.value())
                    .bind("all", ALL_CLUBS)
                    .mapTo(Long.class)
                    .one()
                > 0);
  }

  @Override
  public List<WorkflowPause> all() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT workflow, club_id, paused_by, paused_at FROM paused_workflow"
                        + " ORDER BY workflow, club_id")
                .map(
                    (rs, context) ->
                        new WorkflowPause(
                            WorkflowId.fromId(rs.getString("workflow")),
                            ALL_CLUBS.equals(rs.getString("club_id"))
                                ? null
                                : new ClubId(rs.getString("club_id")),
                            rs.getString("paused_by"),
                            Columns.instant(rs, "paused_at")))
                .list());
  }
}
