package com.gymops.adapter.persistence;

import com.gymops.application.port.store.ApprovalStore;
import com.gymops.domain.Approval;
import com.gymops.domain.ApprovalAction;
import com.gymops.domain.ClubId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The {@code approval} and {@code approval_action} tables. */
final class JdbiApprovalStore implements ApprovalStore {
  private static final String COLUMNS =
      "approval_id, club_id, kind, workflow, summary, requested_by, run_id, created_at,"
          + " expires_at, status, decided_by, decided_at, reason, executed_at, execution_run";

  private final Jdbi jdbi;

  JdbiApprovalStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public boolean file(Approval approval, String idempotencyKey) {
    return jdbi.inTransaction(
        handle -> {
          int inserted =
              handle
                  .createUpdate(
                      "INSERT INTO approval ("
                          + COLUMNS
                          + ", idempotency_key) VALUES (:id, :club, :kind, :workflow, :summary,"
                          + " :requested_by, :run_id, :created_at, :expires_at, :status, NULL,"
                          + " NULL, NULL, NULL, NULL, :key) ON CONFLICT DO NOTHING")
                  .bind("id", approval.id())
                  .bind("club", approval.clubId().value())
                  .bind("kind", approval.kind().name())
                  .bind("workflow", approval.workflow().id())
                  .bind("summary", clip(approval.summary(), 1000))
                  .bind("requested_by", approval.requestedBy())
                  .bind("run_id", approval.runId())
                  .bind("created_at", approval.createdAt())
                  .bind("expires_at", approval.expiresAt())
                  .bind("status", approval.status().name())
                  .bind("key", idempotencyKey)
                  .execute();
          if (inserted == 0) {
            return false;
          }
          PreparedBatch batch =
              handle.prepareBatch(
                  "INSERT INTO approval_action (approval_id, seq, member_id, action, detail,"
                      + " rule_id, inputs_json, effect_json, rendered, outcome) VALUES (:id, :seq,"
                      + " :member, :action, :detail, :rule, :inputs, :effect, :text, NULL)");
          for (ApprovalAction action : approval.actions()) {
            batch
                .bind("id", approval.id())
                .bind("seq", action.seq())
                .bind("member", action.memberId() == null ? null : action.memberId().value())
                .bind("action", action.action())
                .bind("detail", action.detail())
                .bind("rule", action.rule())
                .bind("inputs", action.inputsJson())
                .bind("effect", action.effectJson())
                .bind("text", action.text())
                .add();
          }
          if (!approval.actions().isEmpty()) {
            batch.execute();
          }
          return true;
        });
  }

  @Override
  public Optional<Approval> find(String id) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM approval WHERE approval_id = :id")
                .bind("id", id)
                .mapTo(Approval.class)
                .findOne()
                .map(approval -> approval.withActions(actions(handle, approval.id()))));
  }

  @Override
  public Optional<Approval> findHeader(String id) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM approval WHERE approval_id = :id")
                .bind("id", id)
                .mapTo(Approval.class)
                .findOne());
  }

  @Override
  public List<Approval> inboxHeaders(ClubId club, int decidedLimit) {
    return jdbi.withHandle(
        handle -> {
          List<Approval> inbox =
              new ArrayList<>(
                  handle
                      .createQuery(
                          "SELECT "
                              + COLUMNS
                              + " FROM approval WHERE club_id = :club AND status = 'PENDING'"
                              + " ORDER BY created_at")
                      .bind("club", club.value())
                      .mapTo(Approval.class)
                      .list());
          inbox.addAll(
              handle
                  .createQuery(
                      "SELECT "
                          + COLUMNS
                          + " FROM approval WHERE club_id = :club AND status <> 'PENDING'"
                          + " ORDER BY created_at DESC LIMIT :limit")
                  .bind("club", club.value())
                  .bind("limit", Math.max(0, decidedLimit))
                  .mapTo(Approval.class)
                  .list());
          return inbox;
        });
  }

  @Override
  public List<Approval> list(ClubId club, boolean pendingOnly) {
    String where =
        (club == null ? "1 = 1" : "club_id = :club")
            + (pendingOnly ? " AND status = 'PENDING'" : "");
    return withActions(
        "SELECT " + COLUMNS + " FROM approval WHERE " + where + " ORDER BY created_at DESC",
        club == null ? null : club.value(),
        null);
  }

  @Override
  public boolean decide(String id, Approval.Status status, String by, Instant at, String reason) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE approval SET status = :status, decided_by = :by,"
                            + " decided_at = :at, reason = :reason"
                            + " WHERE approval_id = :id AND status = 'PENDING'")
                    .bind("status", status.name())
                    .bind("by", by)
                    .bind("at", at)
                    .bind("reason", reason == null ? null : clip(reason, 1000))
                    .bind("id", id)
                    .execute())
        == 1;
  }

  @Override
  public List<Approval> recentlyDecided(ClubId club, int limit) {
    return withActions(
        "SELECT "
            + COLUMNS
            + " FROM approval WHERE club_id = :club AND status <> 'PENDING'"
            + " ORDER BY created_at DESC LIMIT "
            + Math.max(0, limit),
        club.value(),
        null);
  }

  @Override
  public List<Approval> filedSince(ClubId club, Instant since) {
    return withActions(
        "SELECT "
            + COLUMNS
            + " FROM approval WHERE club_id = :club AND created_at >= :now"
            + " ORDER BY created_at DESC",
        club.value(),
        since);
  }

  @Override
  public List<Approval> pendingExpiredAt(Instant now) {
    return withActions(
        "SELECT "
            + COLUMNS
            + " FROM approval WHERE status = 'PENDING' AND expires_at <= :now"
            + " ORDER BY created_at",
        null,
        now);
  }

  @Override
  public List<Approval> approvedUnexecuted() {
    return withActions(
        "SELECT "
            + COLUMNS
            + " FROM approval WHERE status = 'APPROVED' AND executed_at IS NULL"
            + " ORDER BY decided_at",
        null,
        null);
  }

  @Override
  public boolean claim(String id, String runId, Instant at, Instant staleBefore) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE approval SET claimed_at = :at, execution_run = :run"
                            + " WHERE approval_id = :id AND status = 'APPROVED'"
                            + " AND executed_at IS NULL"
                            + " AND (claimed_at IS NULL OR claimed_at < :stale)")
                    .bind("at", at)
                    .bind("run", runId)
                    .bind("id", id)
                    .bind("stale", staleBefore)
                    .execute())
        == 1;
  }

  @Override
  public void executed(String id, String runId, Instant at, List<String> outcomes) {
    jdbi.useTransaction(
        handle -> {
          PreparedBatch batch =
              handle.prepareBatch(
                  "UPDATE approval_action SET outcome = :outcome"
                      + " WHERE approval_id = :id AND seq = :seq");
          for (int i = 0; i < outcomes.size(); i++) {
            batch.bind("outcome", clip(outcomes.get(i), 1000)).bind("id", id).bind("seq", i + 1);
            batch.add();
          }
          if (!outcomes.isEmpty()) {
            batch.execute();
          }
          handle
              .createUpdate(
                  "UPDATE approval SET executed_at = :at, execution_run = :run"
                      + " WHERE approval_id = :id")
              .bind("at", at)
              .bind("run", runId)
              .bind("id", id)
              .execute();
        });
  }

  private List<Approval> withActions(String sql, String club, Instant now) {
    return jdbi.withHandle(
        handle -> {
          var query = handle.createQuery(sql);
          if (club != null) {
            query.bind("club", club);
          }
          if (now != null) {
            query.bind("now", now);
          }
          List<Approval> approvals = query.mapTo(Approval.class).list();
          List<Approval> full = new ArrayList<>(approvals.size());
          for (Approval approval : approvals) {
            full.add(approval.withActions(actions(handle, approval.id())));
          }
          return full;
        });
  }

  private static List<ApprovalAction> actions(Handle handle, String id) {
    return handle
        .createQuery(
            "SELECT seq, member_id, action, detail, rule_id, inputs_json, effect_json, rendered,"
                + " outcome FROM approval_action WHERE approval_id = :id ORDER BY seq")
        .bind("id", id)
        .mapTo(ApprovalAction.class)
        .list();
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
