package com.gymops.adapter.persistence;

import com.gymops.application.port.store.SummaryReads;
import com.gymops.domain.ClubId;
import com.gymops.domain.Money;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The daily summary's figures in portable SQL: one handle, six aggregate queries. */
final class JdbiSummaryReads implements SummaryReads {
  private final Jdbi jdbi;

  /** Taken by a real provider; what the message log took is LOGGED and never left. */
  private static final String LEFT = "status IN ('SENT', 'DELIVERED')";

  private static final String LOGGED = "status = 'LOGGED'";

  JdbiSummaryReads(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Activity activity(ClubId club, Instant from, Instant to, Instant now) {
    return jdbi.withHandle(
        handle -> {
          Map<WorkflowId, Map<RunStatus, Long>> runs = new EnumMap<>(WorkflowId.class);
          handle
              .createQuery(
                  "SELECT workflow, status, COUNT(*) AS n FROM workflow_run WHERE club_id = :club"
                      + " AND dry_run = FALSE AND started_at >= :from AND started_at < :to"
                      + " GROUP BY workflow, status")
              .bind("club", club.value())
              .bind("from", from)
              .bind("to", to)
              .map(
                  (rs, ctx) -> {
                    runs.computeIfAbsent(
                            WorkflowId.fromId(rs.getString("workflow")),
                            w -> new EnumMap<>(RunStatus.class))
                        .put(RunStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                    return 0;
                  })
              .list();
          List<FailedRun> failed =
              handle
                  .createQuery(
                      "SELECT workflow, run_id, status, error FROM workflow_run"
                          + " WHERE club_id = :club AND dry_run = FALSE"
                          + " AND status IN ('FAILED', 'INTERRUPTED')"
                          + " AND started_at >= :from AND started_at < :to ORDER BY started_at")
                  .bind("club", club.value())
                  .bind("from", from)
                  .bind("to", to)
                  .map(
                      (rs, ctx) ->
                          new FailedRun(
                              WorkflowId.fromId(rs.getString("workflow")),
                              rs.getString("run_id"),
                              RunStatus.valueOf(rs.getString("status")),
                              rs.getString("error")))
                  .list();
          long sms = messages(handle, club, from, to, LEFT, "SMS");
          long email = messages(handle, club, from, to, LEFT, "EMAIL");
          long logged = messages(handle, club, from, to, LOGGED, null);
          long failedMessages = messages(handle, club, from, to, "status = 'FAILED'", null);
          long suppressed = messages(handle, club, from, to, "status = 'SUPPRESSED'", null);
          long[] waiting = waiting(handle, club, to, now);
          long locks = doorChanges(handle, club, from, to, "new_state <> 'ACTIVE'");
          long unlocks = doorChanges(handle, club, from, to, "new_state = 'ACTIVE'");
          List<long[]> paid =
              handle
                  .createQuery(
                      "SELECT COUNT(*) AS n, COALESCE(SUM(p.amount_cents), 0) AS cents"
                          + " FROM payment p JOIN member m ON m.member_id = p.member_id"
                          + " WHERE m.club_id = :club AND p.received_at >= :from"
                          + " AND p.received_at < :to")
                  .bind("club", club.value())
                  .bind("from", from)
                  .bind("to", to)
                  .map((rs, ctx) -> new long[] {rs.getLong("n"), rs.getLong("cents")})
                  .list();
          return new Activity(
              runs,
              new ArrayList<>(failed),
              sms,
              email,
              failedMessages,
              locks,
              unlocks,
              paid.get(0)[0],
              Money.ofCents(paid.get(0)[1]),
              suppressed,
              waiting[0],
              waiting[1],
              logged);
        });
  }

  /**
   * The member messages created before {@code to} still QUEUED: those due at {@code now}, and those
   * waiting for a later {@code not_before}. One query on the status index.
   */
  private static long[] waiting(Handle handle, ClubId club, Instant to, Instant now) {
    return handle
        .createQuery(
            "SELECT COALESCE(SUM(CASE WHEN not_before <= :now THEN 1 ELSE 0 END), 0) AS due,"
                + " COALESCE(SUM(CASE WHEN not_before > :now THEN 1 ELSE 0 END), 0) AS later"
                + " FROM outbound_message WHERE status = 'QUEUED' AND club_id = :club"
                + " AND purpose <> 'MANAGER' AND created_at < :to")
        .bind("club", club.value())
        .bind("to", to)
        .bind("now", now)
        .map((rs, ctx) -> new long[] {rs.getLong("due"), rs.getLong("later")})
        .one();
  }

  /** Member messages only: the manager's own texts are not the club's activity. */
  private static long messages(
      Handle handle, ClubId club, Instant from, Instant to, String status, String channel) {
    var query =
        handle
            .createQuery(
                "SELECT COUNT(*) FROM outbound_message WHERE club_id = :club"
                    + " AND purpose <> 'MANAGER' AND "
                    + status
                    + (channel == null ? "" : " AND channel = :channel")
                    + " AND sent_at >= :from AND sent_at < :to")
            .bind("club", club.value())
            .bind("from", from)
            .bind("to", to);
    if (channel != null) {
      query.bind("channel", channel);
    }
    return query.mapTo(Long.class).one();
  }

  private static long doorChanges(
      Handle handle, ClubId club, Instant from, Instant to, String state) {
    return handle
        .createQuery(
            "SELECT COUNT(*) FROM door_change d JOIN member m ON m.member_id = d.member_id"
                + " WHERE m.club_id = :club AND d."
                + state
                + " AND d.changed_at >= :from AND d.changed_at < :to")
        .bind("club", club.value())
        .bind("from", from)
        .bind("to", to)
        .mapTo(Long.class)
        .one();
  }
}
