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
  private final Queries queries;

  JdbiPausedWorkflows(Jdbi jdbi) {
    this.queries = new Queries(jdbi);
  }

  @Override
  public boolean pause(WorkflowId workflow, String club, String by, Instant at) {
    return queries.update(
            "INSERT INTO paused_workflow (workflow, club_id, paused_by, paused_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            workflow.id(),
            club,
            by,
            at)
        == 1;
  }

  @Override
  public boolean resume(WorkflowId workflow, String club) {
    return queries.update(
            "DELETE FROM paused_workflow WHERE workflow = ? AND club_id = ?", workflow.id(), club)
        == 1;
  }

  @Override
  public boolean isPaused(WorkflowId workflow, ClubId club) {
    return queries.count(
            "SELECT COUNT(*) FROM paused_workflow WHERE workflow = ? AND club_id IN (?, ?)",
            workflow.id(),
            club.value(),
            ALL_CLUBS)
        > 0;
  }

  @Override
  public List<WorkflowPause> all() {
    return queries.list(
        WorkflowPause.class,
        "SELECT workflow, club_id, paused_by, paused_at FROM paused_workflow"
            + " ORDER BY workflow, club_id");
  }
}
