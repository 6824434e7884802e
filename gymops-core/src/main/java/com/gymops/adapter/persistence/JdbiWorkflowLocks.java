package com.gymops.adapter.persistence;

import com.gymops.application.port.store.WorkflowLocks;
import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Leases in {@code workflow_lock}. The primary key decides who wins a race to insert; an expired
 * lease is taken over by a conditional update, which only one contender can win.
 */
final class JdbiWorkflowLocks implements WorkflowLocks {
  static final String INTERRUPTED_ERROR =
      "interrupted: the process running it stopped before the run finished (killed, crashed or"
          + " powered off); the effects it committed stand, and a rerun of the period does the rest";

  private final Jdbi jdbi;

  JdbiWorkflowLocks(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public boolean acquire(
      WorkflowId workflow, ClubId club, String runId, Instant now, Duration lease) {
    return take(workflow, club, runId, now, lease, false);
  }

  /**
   * Takes the lease, or over it: only after it expired, or at once when {@code holderDead} (the
   * caller knows its process is gone). The run that held it is marked interrupted in the same
   * transaction.
   */
  boolean take(
      WorkflowId workflow,
      ClubId club,
      String runId,
      Instant now,
      Duration lease,
      boolean holderDead) {
    Instant expires = now.plus(lease);
    return jdbi.inTransaction(
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
          Optional<String> previous =
              handle
                  .createQuery(
                      "SELECT run_id FROM workflow_lock WHERE workflow = :workflow"
                          + " AND club_id = :club"
                          + (holderDead ? "" : " AND expires_at < :now")
                          + "<row_lock>")
                  .bind("workflow", workflow.id())
                  .bind("club", club.value())
                  .bind("now", now)
                  .mapTo(String.class)
                  .findOne();
          if (previous.isEmpty()) {
            return false;
          }
          boolean taken =
              handle
                      .createUpdate(
                          "UPDATE workflow_lock SET run_id = :run_id, acquired_at = :now,"
                              + " expires_at = :expires WHERE workflow = :workflow"
                              + " AND club_id = :club AND run_id = :previous")
                      .bind("workflow", workflow.id())
                      .bind("club", club.value())
                      .bind("run_id", runId)
                      .bind("previous", previous.get())
                      .bind("now", now)
                      .bind("expires", expires)
                      .execute()
                  == 1;
          if (taken) {
            markInterrupted(handle, previous.get(), now);
          }
          return taken;
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

  @Override
  public Optional<Instant> expiry(WorkflowId workflow, ClubId club) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT expires_at FROM workflow_lock WHERE workflow = :workflow"
                        + " AND club_id = :club")
                .bind("workflow", workflow.id())
                .bind("club", club.value())
                .map((rs, context) -> Columns.instant(rs, "expires_at"))
                .findOne());
  }

  @Override
  public List<String> recoverInterrupted(Instant now) {
    return recover(now, List.of());
  }

  /** {@link #recoverInterrupted}, also for the running runs in {@code deadHolders}. */
  List<String> recover(Instant now, List<String> deadHolders) {
    return jdbi.inTransaction(
        handle -> {
          List<String> stale =
              new ArrayList<>(
                  handle
                      .createQuery(
                          "SELECT r.run_id FROM workflow_run r WHERE r.status = 'RUNNING' AND ("
                              + " EXISTS (SELECT 1 FROM workflow_lock l WHERE l.run_id = r.run_id"
                              + " AND l.expires_at < :now)"
                              + " OR (NOT EXISTS (SELECT 1 FROM workflow_lock l"
                              + " WHERE l.run_id = r.run_id) AND r.started_at < :unleased))")
                      .bind("now", now)
                      .bind("unleased", now.minus(UNLEASED_RUN_LIMIT))
                      .mapTo(String.class)
                      .list());
          for (String runId : deadHolders) {
            if (!stale.contains(runId)) {
              stale.add(runId);
            }
          }
          for (String runId : stale) {
            markInterrupted(handle, runId, now);
            handle
                .createUpdate("DELETE FROM workflow_lock WHERE run_id = :run_id")
                .bind("run_id", runId)
                .execute();
          }
          return stale;
        });
  }

  /** The leases held now: (workflow, club, run id). */
  List<Lease> leases() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT workflow, club_id, run_id FROM workflow_lock")
                .map(
                    (rs, context) ->
                        new Lease(
                            WorkflowId.fromId(rs.getString("workflow")),
                            new ClubId(rs.getString("club_id")),
                            rs.getString("run_id")))
                .list());
  }

  record Lease(WorkflowId workflow, ClubId club, String runId) {}

  private static void markInterrupted(Handle handle, String runId, Instant now) {
    handle
        .createUpdate(
            "UPDATE workflow_run SET status = 'INTERRUPTED', finished_at = :now, error = :error"
                + " WHERE run_id = :run_id AND status = 'RUNNING'")
        .bind("now", now)
        .bind("error", INTERRUPTED_ERROR)
        .bind("run_id", runId)
        .execute();
  }
}
