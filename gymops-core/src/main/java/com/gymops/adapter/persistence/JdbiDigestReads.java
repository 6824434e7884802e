package com.gymops.adapter.persistence;

import com.gymops.application.port.store.DigestReads;
import com.gymops.domain.MessageStatus;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The console digest's counts, in portable SQL: the groupings read the index {@code
 * approval_action_digest} and {@code outbound_message_run} (V21) alone.
 */
final class JdbiDigestReads implements DigestReads {
  private static final String NAME = "LOWER(m.first_name || ' ' || m.last_name)";

  private final Jdbi jdbi;

  JdbiDigestReads(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public List<ActionCount> actionCounts(String approvalId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT action, detail, COUNT(*) AS n, COUNT(DISTINCT member_id) AS members"
                        + " FROM approval_action WHERE approval_id = :id"
                        + " GROUP BY action, detail ORDER BY action, detail")
                .bind("id", approvalId)
                .map(
                    (rs, ctx) ->
                        new ActionCount(
                            rs.getString("action"),
                            rs.getString("detail"),
                            rs.getLong("n"),
                            rs.getLong("members")))
                .list());
  }

  @Override
  public long coveredMembers(String approvalId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT COUNT(DISTINCT member_id) FROM approval_action"
                        + " WHERE approval_id = :id")
                .bind("id", approvalId)
                .mapTo(Long.class)
                .one());
  }

  @Override
  public Optional<String> exampleText(String approvalId, String action, String detail) {
    return jdbi.withHandle(
        handle -> {
          Query query =
              handle
                  .createQuery(
                      "SELECT rendered FROM approval_action WHERE approval_id = :id"
                          + " AND action = :action"
                          + (detail == null ? "" : " AND detail = :detail")
                          + " AND rendered IS NOT NULL ORDER BY seq LIMIT 1")
                  .bind("id", approvalId)
                  .bind("action", action);
          if (detail != null) {
            query.bind("detail", detail);
          }
          return query.mapTo(String.class).findOne();
        });
  }

  @Override
  public List<String> firstMemberIds(String approvalId, int limit) {
    // A member's actions follow one another in the plan (a referral, then its note), so the first
    // few times as many actions name at least the first few members, read in key order.
    List<String> ids =
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT member_id FROM approval_action WHERE approval_id = :id"
                            + " AND member_id IS NOT NULL ORDER BY seq LIMIT :limit")
                    .bind("id", approvalId)
                    .bind("limit", limit * 4)
                    .mapTo(String.class)
                    .list());
    return ids.stream().distinct().limit(limit).toList();
  }

  @Override
  public List<String> coveredMemberIds(String approvalId, String search, int offset, int limit) {
    return jdbi.withHandle(
        handle -> {
          Query query =
              handle
                  .createQuery(
                      "SELECT a.member_id, MIN(a.seq) AS first_seq FROM approval_action a"
                          + joinFor(search)
                          + " WHERE a.approval_id = :id AND a.member_id IS NOT NULL"
                          + filterFor(search)
                          + " GROUP BY a.member_id ORDER BY first_seq LIMIT :limit OFFSET :offset")
                  .bind("id", approvalId)
                  .bind("limit", limit)
                  .bind("offset", offset);
          bindSearch(query, search);
          return query.map((rs, ctx) -> rs.getString("member_id")).list();
        });
  }

  @Override
  public long countCoveredMembers(String approvalId, String search) {
    return jdbi.withHandle(
        handle -> {
          Query query =
              handle
                  .createQuery(
                      "SELECT COUNT(DISTINCT a.member_id) FROM approval_action a"
                          + joinFor(search)
                          + " WHERE a.approval_id = :id AND a.member_id IS NOT NULL"
                          + filterFor(search))
                  .bind("id", approvalId);
          bindSearch(query, search);
          return query.mapTo(Long.class).one();
        });
  }

  private static boolean searching(String search) {
    return search != null && !search.isBlank();
  }

  private static String joinFor(String search) {
    return searching(search) ? " LEFT JOIN member m ON m.member_id = a.member_id" : "";
  }

  private static String filterFor(String search) {
    return searching(search)
        ? " AND (a.member_id = :exact OR " + NAME + " LIKE :name ESCAPE '!')"
        : "";
  }

  private static void bindSearch(Query query, String search) {
    if (searching(search)) {
      String trimmed = search.strip();
      query
          .bind("exact", trimmed)
          .bind("name", "%" + likeEscaped(trimmed.toLowerCase(Locale.ROOT)) + "%");
    }
  }

  private static String likeEscaped(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  @Override
  public List<CoveredRow> covered(String approvalId, Collection<String> memberIds) {
    if (memberIds.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT a.seq, a.member_id, m.first_name, m.last_name, a.action, a.detail,"
                        + " a.rendered FROM approval_action a"
                        + " LEFT JOIN member m ON m.member_id = a.member_id"
                        + " WHERE a.approval_id = :id AND a.member_id IN (<members>)"
                        + " ORDER BY a.seq")
                .bind("id", approvalId)
                .bindList("members", List.copyOf(memberIds))
                .map(
                    (rs, ctx) -> {
                      String first = rs.getString("first_name");
                      return new CoveredRow(
                          rs.getInt("seq"),
                          rs.getString("member_id"),
                          first == null ? "" : first + " " + rs.getString("last_name"),
                          rs.getString("action"),
                          rs.getString("detail"),
                          rs.getString("rendered"));
                    })
                .list());
  }

  @Override
  public List<OutcomeCount> outcomes(String approvalId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT action, outcome, COUNT(*) AS n FROM approval_action"
                        + " WHERE approval_id = :id GROUP BY action, outcome")
                .bind("id", approvalId)
                .map(
                    (rs, ctx) ->
                        new OutcomeCount(
                            rs.getString("action"), rs.getString("outcome"), rs.getLong("n")))
                .list());
  }

  @Override
  public List<MessageCount> messagesOfRun(String runId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT status, CASE WHEN status = 'QUEUED' THEN not_before END AS due,"
                        + " COUNT(*) AS n FROM outbound_message WHERE run_id = :run"
                        + " GROUP BY status, CASE WHEN status = 'QUEUED' THEN not_before END")
                .bind("run", runId)
                .map(
                    (rs, ctx) ->
                        new MessageCount(
                            MessageStatus.valueOf(rs.getString("status")),
                            Columns.instant(rs, "due"),
                            rs.getLong("n")))
                .list());
  }
}
