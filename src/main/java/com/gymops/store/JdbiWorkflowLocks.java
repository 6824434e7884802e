package com.gymops.store;

import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Leases in {@code workflow_lock}. The primary key decides who wins a race to insert; an expired
 * lease is taken over by a conditional update, which only one contender can win.
 */
public final class JdbiWorkflowLocks implements WorkflowLocks {
  private final Jdbi jdbi;

  public JdbiWorkflowLocks(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public boolean acquire(
      WorkflowId workflow, ClubId club, String runId, Instant now, Duration lease) {
    Instant expires = now.plus(lease);
    return jdbi.withHandle(
        handle -> {
          int inserted =
              handle
                  .createUpdate(
                      "INSERT INTO workflow_lock (workflow, club_id, run_id, acquired_at,"
                          + " expires_at) VALUES (:workflow, :club, :run_id, :now, :expires)"
                          + " ON CONFLICT DO NOTHING")
                  .bind("workflow", workflow.id())
                  .bind("club", club.value())
                  .bind("run_id", runId)
                  .bind("now", now)
                  .bind("expires", expires)
                  .execute();
          if (inserted == 1) {
            return true;
          }
          return handle
                  .createUpdate(
                      "UPDATE workflow_lock SET run_id = :run_id, acquired_at = :now,"
                          + " expires_at = :expires WHERE workflow = :workflow AND club_id = :club"
                          + " AND expires_at < :now")
                  .bind("workflow", workflow.id())
                  .bind("club", club.value())
                  .bind("run_id", runId)
                  .bind("now", now)
                  .bind("expires", expires)
                  .execute()
              == 1;
        });
  }

  @Override
  public void release(WorkflowId workflow, ClubId club, String runId) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "DELETE FROM workflow_lock WHERE workflow = :workflow AND club_id = :club"
                        + " AND run_id = :run_id")
                .bind("workflow", workflow.id())
                .bind("club", club.value())
                .bind("run_id", runId)
                .execute());
  }
}
