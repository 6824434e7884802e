package com.gymops.adapter.persistence;

import com.gymops.application.port.store.RunStore;
import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import com.gymops.domain.RunEvent;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Runs in {@code workflow_run}, events in {@code run_event}. */
final class JdbiRunStore implements RunStore {
  static final String COLUMNS =
      "run_id, workflow, club_id, mode, mode_used, dry_run, status, clock_at, started_at,"
          + " finished_at, report_json, error";
  private static final int MAX_TEXT = 4000;
  private final Jdbi jdbi;
  private final Queries queries;

  JdbiRunStore(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.queries = new Queries(jdbi);
  }

  @Override
  public void start(WorkflowRun run) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO workflow_run (run_id, workflow, club_id, mode, mode_used, dry_run,"
                        + " status, clock_at, started_at) VALUES (:run_id, :workflow, :club, :mode,"
                        + " :mode_used, :dry_run, :status, :clock_at, :started_at)")
                .bind("run_id", run.runId())
                .bind("workflow", run.workflow().id())
                .bind("club", run.clubId().value())
                .bind("mode", run.mode())
                .bind("mode_used", run.modeUsed())
                .bind("dry_run", run.dryRun())
                .bind("status", run.status().name())
                .bind("clock_at", run.clockAt())
                .bind("started_at", run.startedAt())
                .execute());
  }

  @Override
  public void addEvents(String runId, List<RunEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    jdbi.useTransaction(
        handle -> {
          try (PositionalBatch batch =
              PositionalBatch.prepare(
                  handle,
                  "INSERT INTO run_event (run_id, seq, member_id, action, detail, rule,"
                      + " inputs_json, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (RunEvent event : events) {
              batch
                  .text(runId)
                  .integer(event.seq())
                  .text(event.memberId() == null ? null : event.memberId().value())
                  .text(event.action())
                  .text(clip(event.detail(), 200))
                  .text(event.rule())
                  .text(clip(event.inputsJson(), MAX_TEXT))
                  .text(clip(event.outcome(), 40))
                  .add();
            }
            batch.execute();
          }
        });
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  @Override
  public void finish(
      String runId,
      RunStatus status,
      String modeUsed,
      Instant finishedAt,
      String reportJson,
      String error) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE workflow_run SET status = :status, mode_used = :mode_used,"
                        + " finished_at = :finished_at, report_json = :report, error = :error"
                        + " WHERE run_id = :run_id")
                .bind("status", status.name())
                .bind("mode_used", modeUsed)
                .bind("finished_at", finishedAt)
                .bind("report", reportJson)
                .bind("error", clip(error, MAX_TEXT))
                .bind("run_id", runId)
                .execute());
  }

  @Override
  public Optional<WorkflowRun> find(String runId) {
    return queries.findOne(
        WorkflowRun.class, "SELECT " + COLUMNS + " FROM workflow_run WHERE run_id = ?", runId);
  }

  @Override
  public List<WorkflowRun> latest(int limit) {
    return queries.list(
        WorkflowRun.class,
        "SELECT " + COLUMNS + " FROM workflow_run ORDER BY started_at DESC, run_id DESC LIMIT ?",
        limit);
  }

  @Override
  public Optional<String> eventInputs(String runId, MemberId member, String action) {
    return queries.findFirst(
        String.class,
        "SELECT inputs_json FROM run_event WHERE run_id = ? AND member_id = ? AND action = ?"
            + " ORDER BY seq",
        runId,
        member.value(),
        action);
  }

  @Override
  public Optional<AskedRun> firstAskedBetween(
      ClubId club, WorkflowId workflow, Instant from, Instant until) {
    // The conditions of the partial index workflow_run_asked (V14), written as it is, so that both
    // databases read the day's asked runs from it and never the workflow's whole history.
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT run_id, clock_at FROM workflow_run WHERE club_id = :club"
                        + " AND workflow = :workflow AND clock_at >= :from AND clock_at < :until"
                        + " AND mode_used = 'agent' AND dry_run = FALSE"
                        + " ORDER BY clock_at, run_id LIMIT 1")
                .bind("club", club.value())
                .bind("workflow", workflow.id())
                .bind("from", from)
                .bind("until", until)
                .map(
                    (rs, context) ->
                        new AskedRun(rs.getString("run_id"), Columns.instant(rs, "clock_at")))
                .findOne());
  }

  @Override
  public List<RunEvent> events(String runId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT seq, member_id, action, detail, rule, inputs_json, outcome"
                        + " FROM run_event WHERE run_id = :run_id ORDER BY seq")
                .bind("run_id", runId)
                .map(
                    (rs, context) -> {
                      String member = rs.getString("member_id");
                      return new RunEvent(
                          rs.getInt("seq"),
                          member == null ? null : new MemberId(member),
                          rs.getString("action"),
                          rs.getString("detail"),
                          rs.getString("rule"),
                          rs.getString("inputs_json"),
                          rs.getString("outcome"));
                    })
                .list());
  }
}
