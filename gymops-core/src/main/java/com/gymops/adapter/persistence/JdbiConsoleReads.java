package com.gymops.adapter.persistence;

import com.gymops.application.port.store.ConsoleReads;
import com.gymops.domain.ClubId;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.DoorState;
import com.gymops.domain.LockReason;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowRun;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** The console's queries over the workflow tables, in portable SQL. */
final class JdbiConsoleReads implements ConsoleReads {
  private static final String UNKNOWN_PREFIX = "outcome unknown%";

  /** The most messages a view of the outbox is counted to; the page says "1,000+". */
  private static final int COUNT_CAP = ConsoleReads.OUTBOX_COUNT_CAP;

  /** A run's columns with a null in place of its report. */
  private static final String COLUMNS_WITHOUT_REPORT =
      JdbiRunStore.COLUMNS.replace("report_json", "NULL AS report_json");

  private final Jdbi jdbi;
  private final Queries queries;

  JdbiConsoleReads(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.queries = new Queries(jdbi);
  }

  @Override
  public Map<WorkflowId, WorkflowRun> lastRuns(ClubId club) {
    Map<WorkflowId, WorkflowRun> last = new EnumMap<>(WorkflowId.class);
    // One indexed LIMIT 1 per workflow on (club_id, workflow, started_at), on one connection: a
    // single query for all six would read every run of the club to find each latest.
    jdbi.useHandle(
        handle -> {
          for (WorkflowId workflow : WorkflowId.values()) {
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS_WITHOUT_REPORT
                        + " FROM workflow_run WHERE club_id = :club AND workflow = :workflow"
                        + " AND dry_run = FALSE ORDER BY started_at DESC LIMIT 1")
                .bind("club", club.value())
                .bind("workflow", workflow.id())
                .mapTo(WorkflowRun.class)
                .findOne()
                .ifPresent(run -> last.put(workflow, run));
          }
        });
    return last;
  }

  @Override
  public Optional<String> report(String runId) {
    return queries.findOne(
        String.class,
        "SELECT report_json FROM workflow_run WHERE run_id = ? AND report_json IS NOT NULL",
        runId);
  }

  @Override
  public Map<WorkflowId, Map<RunStatus, Long>> runStatusesSince(ClubId club, Instant since) {
    Map<WorkflowId, Map<RunStatus, Long>> counts = new EnumMap<>(WorkflowId.class);
    jdbi.useHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT workflow, status, COUNT(*) AS n FROM workflow_run WHERE club_id = :club"
                        + " AND workflow IN (<workflows>) AND started_at >= :since"
                        + " AND dry_run = FALSE GROUP BY workflow, status")
                .bind("club", club.value())
                .bindList(
                    "workflows", Arrays.stream(WorkflowId.values()).map(WorkflowId::id).toList())
                .bind("since", since)
                .map(
                    (rs, ctx) -> {
                      counts
                          .computeIfAbsent(
                              WorkflowId.fromId(rs.getString("workflow")),
                              w -> new EnumMap<>(RunStatus.class))
                          .put(RunStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                      return 0;
                    })
                .list());
    return counts;
  }

  @Override
  public long pendingApprovals(ClubId club, Instant now) {
    return queries.count(
        "SELECT COUNT(*) FROM approval WHERE club_id = ? AND status = 'PENDING' AND expires_at > ?",
        club.value(),
        now);
  }

  @Override
  public List<WorkflowRun> runs(RunFilter filter) {
    if (filter.clubs().isEmpty()) {
      return List.of();
    }
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS_WITHOUT_REPORT)
            .append(" FROM workflow_run r WHERE club_id IN (<clubs>)");
    if (filter.workflow() != null) {
      sql.append(" AND workflow = :workflow");
    }
    if (filter.status() != null) {
      sql.append(" AND status = :status");
    }
    if (filter.member() != null) {
      sql.append(
          " AND EXISTS (SELECT 1 FROM run_event e WHERE e.run_id = r.run_id"
              + " AND e.member_id = :member)");
    }
    sql.append(" ORDER BY started_at DESC LIMIT :limit");
    return jdbi.withHandle(
        handle -> {
          Query query =
              handle
                  .createQuery(sql.toString())
                  .bindList("clubs", filter.clubs().stream().map(ClubId::value).toList())
                  .bind("limit", filter.limit());
          if (filter.workflow() != null) {
            query.bind("workflow", filter.workflow().id());
          }
          if (filter.status() != null) {
            query.bind("status", filter.status().name());
          }
          if (filter.member() != null) {
            query.bind("member", filter.member().value());
          }
          return query.mapTo(WorkflowRun.class).list();
        });
  }

  @Override
  public long failedMessagesSince(ClubId club, Instant since) {
    return queries.count(
        "SELECT COUNT(*) FROM outbound_message WHERE status = 'FAILED' AND club_id = ?"
            + " AND created_at >= ?",
        club.value(),
        since);
  }

  @Override
  public Money paymentsReceivedSince(ClubId club, Instant since) {
    // From today's payments (index payment_received) to their members: joined the other way
    // round, SQLite probed every member of the club.
    return Money.ofCents(
        queries.count(
            "SELECT COALESCE(SUM(p.amount_cents), 0) FROM payment p WHERE p.received_at >= ?"
                + " AND EXISTS (SELECT 1 FROM member m WHERE m.member_id = p.member_id"
                + " AND m.club_id = ?)",
            since,
            club.value()));
  }

  @Override
  public List<Member> searchMembers(Set<ClubId> clubs, String text, int limit) {
    String trimmed = text.trim();
    if (clubs.isEmpty() || trimmed.isEmpty()) {
      return List.of();
    }
    List<String> clubIds = clubs.stream().map(ClubId::value).toList();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    String[] words = lower.split("\\s+");
    String digits = trimmed.replaceAll("[^0-9]", "");
    // Each way of matching is its own query on its own index (V22), bounded by the limit: one OR
    // over them all made the databases walk every member of the club (docs/BENCHMARKS.md).
    return jdbi.withHandle(
        handle -> {
          Map<String, Member> found = new java.util.LinkedHashMap<>();
          handle
              .createQuery(
                  "SELECT "
                      + JdbiMemberStore.COLUMNS
                      + " FROM member WHERE member_id = :id AND club_id IN (<clubs>)")
              .bindList("clubs", clubIds)
              .bind("id", trimmed)
              .mapTo(Member.class)
              .forEach(m -> found.put(m.id().value(), m));
          namesStarting(handle, clubIds, "last_name", lower, null, null, limit)
              .forEach(m -> found.putIfAbsent(m.id().value(), m));
          if (words.length == 1) {
            namesStarting(handle, clubIds, "first_name", lower, null, null, limit)
                .forEach(m -> found.putIfAbsent(m.id().value(), m));
          } else {
            String last = lower.substring(lower.indexOf(' ')).trim();
            namesStarting(handle, clubIds, "first_name", words[0], "last_name", last, limit)
                .forEach(m -> found.putIfAbsent(m.id().value(), m));
          }
          if (digits.length() >= 4) {
            // A phone number's middle or end: no index serves it, but a name search never
            // reaches here (it needs four digits).
            handle
                .createQuery(
                    "SELECT "
                        + JdbiMemberStore.COLUMNS
                        + " FROM member WHERE club_id IN (<clubs>) AND phone LIKE :phone"
                        + " LIMIT :limit")
                .bindList("clubs", clubIds)
                .bind("phone", "%" + digits + "%")
                .bind("limit", limit)
                .mapTo(Member.class)
                .forEach(m -> found.putIfAbsent(m.id().value(), m));
          }
          return found.values().stream()
              .sorted(
                  java.util.Comparator.comparing(
                          (Member m) -> m.lastName().toLowerCase(Locale.ROOT))
                      .thenComparing(m -> m.firstName().toLowerCase(Locale.ROOT))
                      .thenComparing(m -> m.id().value()))
              .limit(limit)
              .toList();
        });
  }

  /**
   * Members whose {@code column} starts with {@code prefix} (lower-cased), and whose {@code
   * andColumn} starts with {@code andPrefix} when that is given: a range of the index on the
   * lower-cased name, then LIKE to keep exactly the names that start with it.
   */
  private static List<Member> namesStarting(
      org.jdbi.v3.core.Handle handle,
      List<String> clubIds,
      String column,
      String prefix,
      String andColumn,
      String andPrefix,
      int limit) {
    String name = "LOWER(" + column + ")";
    Query query =
        handle
            .createQuery(
                "SELECT "
                    + JdbiMemberStore.COLUMNS
                    + " FROM member WHERE club_id IN (<clubs>) AND "
                    + name
                    + " >= :from AND "
                    + name
                    + " < :to AND "
                    + name
                    + " LIKE :starts ESCAPE '!'"
                    + (andColumn == null
                        ? ""
                        : " AND LOWER(" + andColumn + ") LIKE :andStarts ESCAPE '!'")
                    + " ORDER BY "
                    + name
                    + " LIMIT :limit")
            .bindList("clubs", clubIds)
            .bind("from", prefix)
            .bind("to", after(prefix))
            .bind("starts", likeEscaped(prefix) + "%")
            .bind("limit", limit);
    if (andColumn != null) {
      query.bind("andStarts", likeEscaped(andPrefix) + "%");
    }
    return query.mapTo(Member.class).list();
  }

  /** The first text after every text that starts with {@code prefix}. */
  private static String after(String prefix) {
    char last = prefix.charAt(prefix.length() - 1);
    return last == Character.MAX_VALUE
        ? prefix + last
        : prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
  }

  /** LIKE's wildcards in a person's search text are taken as text, not as patterns. */
  private static String likeEscaped(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  @Override
  public List<OutboundMessage> messages(
      Set<ClubId> clubs, OutboxView view, Instant now, int offset, int limit) {
    if (clubs.isEmpty()) {
      return List.of();
    }
    String where =
        switch (view) {
          case DUE -> "status = 'QUEUED' AND not_before <= :now ORDER BY not_before, id";
          case DEFERRED -> "status = 'QUEUED' AND not_before > :now ORDER BY not_before, id";
          case FAILED ->
              "status = 'FAILED' AND (error IS NULL OR error NOT LIKE :unknown) ORDER BY id DESC";
          case UNKNOWN -> "status = 'FAILED' AND error LIKE :unknown ORDER BY id DESC";
          case SENT -> "status IN ('SENT', 'DELIVERED') ORDER BY id DESC";
          case LOGGED -> "status = 'LOGGED' ORDER BY id DESC";
        };
    return jdbi.withHandle(
        handle -> {
          Query query =
              handle
                  .createQuery(
                      "SELECT "
                          + JdbiOutbox.COLUMNS
                          + " FROM outbound_message WHERE club_id IN (<clubs>) AND "
                          + where
                          + " LIMIT :limit OFFSET :offset")
                  .bindList("clubs", clubs.stream().map(ClubId::value).toList())
                  .bind("limit", limit)
                  .bind("offset", offset);
          switch (view) {
            case DUE, DEFERRED -> query.bind("now", now);
            case FAILED, UNKNOWN -> query.bind("unknown", UNKNOWN_PREFIX);
            case SENT, LOGGED -> {}
          }
          return query.mapTo(OutboundMessage.class).list();
        });
  }

  @Override
  public Map<OutboxView, Long> messageCounts(Set<ClubId> clubs, Instant now) {
    Map<OutboxView, Long> counts = new EnumMap<>(OutboxView.class);
    for (OutboxView view : OutboxView.values()) {
      counts.put(view, 0L);
    }
    if (clubs.isEmpty()) {
      return counts;
    }
    // One count per view, each a range of outbound_message (club_id, status, not_before) (V22),
    // read no further than the cap: every text ever sent stays in the outbox, and counting them
    // all would walk months of them (docs/BENCHMARKS.md). Only failed messages, few, are read for
    // their error.
    jdbi.useHandle(
        handle -> {
          for (OutboxView view : OutboxView.values()) {
            String where =
                switch (view) {
                  case DUE -> "status = 'QUEUED' AND not_before <= :now";
                  case DEFERRED -> "status = 'QUEUED' AND not_before > :now";
                  case FAILED -> "status = 'FAILED' AND (error IS NULL OR error NOT LIKE :unknown)";
                  case UNKNOWN -> "status = 'FAILED' AND error LIKE :unknown";
                  case SENT -> "status IN ('SENT', 'DELIVERED')";
                  case LOGGED -> "status = 'LOGGED'";
                };
            Query query =
                handle
                    .createQuery(
                        "SELECT COUNT(*) FROM (SELECT 1 FROM outbound_message"
                            + " WHERE club_id IN (<clubs>) AND "
                            + where
                            + " LIMIT :cap) counted")
                    .bindList("clubs", clubs.stream().map(ClubId::value).toList())
                    .bind("cap", COUNT_CAP);
            switch (view) {
              case DUE, DEFERRED -> query.bind("now", now);
              case FAILED, UNKNOWN -> query.bind("unknown", UNKNOWN_PREFIX);
              case SENT, LOGGED -> {}
            }
            counts.put(view, query.mapTo(Long.class).one());
          }
        });
    return counts;
  }

  @Override
  public List<DoorChangeRow> doorChanges(MemberId member) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT changed_at, new_state, lock_reason, run_id FROM door_change"
                        + " WHERE member_id = :member ORDER BY changed_at DESC, id DESC")
                .bind("member", member.value())
                .map(
                    (rs, ctx) -> {
                      String reason = rs.getString("lock_reason");
                      return new DoorChangeRow(
                          Columns.instant(rs, "changed_at"),
                          new DoorAccess(
                              DoorState.valueOf(rs.getString("new_state")),
                              reason == null ? null : LockReason.valueOf(reason)),
                          rs.getString("run_id"));
                    })
                .list());
  }

  @Override
  public List<PaymentRow> payments(MemberId member) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT payment_id, amount_cents, paid_at, balance_before_cents,"
                        + " balance_after_cents FROM payment WHERE member_id = :member"
                        + " ORDER BY paid_at DESC")
                .bind("member", member.value())
                .map(
                    (rs, ctx) ->
                        new PaymentRow(
                            rs.getString("payment_id"),
                            Money.ofCents(rs.getLong("amount_cents")),
                            Columns.instant(rs, "paid_at"),
                            Money.ofCents(rs.getLong("balance_before_cents")),
                            Money.ofCents(rs.getLong("balance_after_cents"))))
                .list());
  }

  @Override
  public List<ReferralRow> referrals(MemberId member) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT referred_on, amount_cents, attempts, closed_on FROM referral"
                        + " WHERE member_id = :member ORDER BY referred_on DESC")
                .bind("member", member.value())
                .map(
                    (rs, ctx) ->
                        new ReferralRow(
                            Columns.date(rs, "referred_on"),
                            Money.ofCents(rs.getLong("amount_cents")),
                            rs.getInt("attempts"),
                            Columns.date(rs, "closed_on")))
                .list());
  }
}
