package com.gymops.adapter.persistence;

import com.gymops.application.port.store.AttemptStore;
import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.MemberId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Collection attempts in the {@code collection_attempt} table. */
final class JdbiAttemptStore implements AttemptStore {
  private static final String COLUMNS = "member_id, attempted_at, kind, channel, outcome";
  private final Jdbi jdbi;
  private final Queries queries;

  JdbiAttemptStore(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.queries = new Queries(jdbi);
  }

  @Override
  public int addAll(List<KeyedAttempt> attempts) {
    if (attempts.isEmpty()) {
      return 0;
    }
    return jdbi.inTransaction(
        handle -> {
          try (PositionalBatch batch =
              PositionalBatch.prepare(
                  handle,
                  "INSERT INTO collection_attempt (member_id, attempted_at, kind, channel, outcome,"
                      + " run_id, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT DO NOTHING")) {
            for (KeyedAttempt keyed : attempts) {
              CollectionAttempt attempt = keyed.attempt();
              batch
                  .text(attempt.memberId().value())
                  .instant(attempt.attemptedAt())
                  .text(attempt.kind().name())
                  .text(attempt.channel().name())
                  .text(attempt.outcome().name())
                  .text(keyed.runId())
                  .text(keyed.idempotencyKey())
                  .add();
            }
            int added = 0;
            for (int count : batch.execute()) {
              // PostgreSQL reports 0 for a skipped conflict; some drivers report SUCCESS_NO_INFO
              // (-2).
              added += Math.max(0, count);
            }
            return added;
          }
        });
  }

  @Override
  public Map<MemberId, List<CollectionAttempt>> inClubSince(ClubId club, Instant since) {
    return byMember(
        "SELECT a.member_id, a.attempted_at, a.kind, a.channel, a.outcome, a.id"
            + " FROM collection_attempt a JOIN member m ON m.member_id = a.member_id"
            + " WHERE m.club_id = :club AND a.attempted_at >= :since",
        query -> query.bind("club", club.value()).bind("since", since));
  }

  @Override
  public Map<MemberId, List<CollectionAttempt>> ofPastDueInClubSince(
      ClubId club, com.gymops.domain.Money minimum, Instant since) {
    return byMember(
        "SELECT a.member_id, a.attempted_at, a.kind, a.channel, a.outcome, a.id"
            + " FROM collection_attempt a JOIN member m ON m.member_id = a.member_id"
            + " WHERE m.club_id = :club AND m.past_due_cents >= :minimum"
            + " AND a.attempted_at >= :since",
        query ->
            query.bind("club", club.value()).bind("minimum", minimum.cents()).bind("since", since));
  }

  /**
   * A club's history is the largest read of a collections run (tens of thousands of rows at 100,000
   * members), so it is read by column position, and sorted per member here rather than by the
   * database: the database would sort every row of the club in a temporary B-tree, while each
   * member's few rows mostly arrive in time order already from the index that answers the read
   * ({@code collection_attempt_history}, V15).
   */
  private Map<MemberId, List<CollectionAttempt>> byMember(
      String sql, java.util.function.Consumer<org.jdbi.v3.core.statement.Query> bind) {
    return jdbi.withHandle(
        handle -> {
          Map<String, MemberId> ids = new HashMap<>();
          Map<MemberId, List<Row>> rows = new HashMap<>();
          var query = handle.createQuery(sql);
          bind.accept(query);
          query
              .map(
                  (rs, context) ->
                      new Row(
                          new CollectionAttempt(
                              ids.computeIfAbsent(rs.getString(1), MemberId::new),
                              Columns.instant(rs, 2),
                              AttemptKind.valueOf(rs.getString(3)),
                              Channel.valueOf(rs.getString(4)),
                              AttemptOutcome.valueOf(rs.getString(5))),
                          rs.getLong(6)))
              .forEach(
                  row ->
                      rows.computeIfAbsent(row.attempt().memberId(), id -> new ArrayList<>())
                          .add(row));
          Map<MemberId, List<CollectionAttempt>> byMember = new HashMap<>(rows.size() * 2);
          for (Map.Entry<MemberId, List<Row>> member : rows.entrySet()) {
            List<Row> history = member.getValue();
            if (!inOrder(history)) {
              history.sort(IN_TIME_ORDER);
            }
            List<CollectionAttempt> attempts = new ArrayList<>(history.size());
            for (Row row : history) {
              attempts.add(row.attempt());
            }
            byMember.put(member.getKey(), attempts);
          }
          return byMember;
        });
  }

  /** One row of a history read, with its id to order attempts of the same instant. */
  private record Row(CollectionAttempt attempt, long id) {}

  private static final java.util.Comparator<Row> IN_TIME_ORDER =
      java.util.Comparator.comparing((Row row) -> row.attempt().attemptedAt())
          .thenComparingLong(Row::id);

  private static boolean inOrder(List<Row> history) {
    for (int i = 1; i < history.size(); i++) {
      if (IN_TIME_ORDER.compare(history.get(i - 1), history.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public List<CollectionAttempt> ofMember(MemberId member) {
    return queries.list(
        CollectionAttempt.class,
        "SELECT "
            + COLUMNS
            + " FROM collection_attempt WHERE member_id = ? ORDER BY attempted_at, id",
        member.value());
  }

  @Override
  public boolean discard(String idempotencyKey) {
    return queries.update(
            "DELETE FROM collection_attempt WHERE idempotency_key = ?", idempotencyKey)
        == 1;
  }

  @Override
  public boolean setOutcome(String idempotencyKey, AttemptOutcome outcome) {
    return queries.update(
            "UPDATE collection_attempt SET outcome = ? WHERE idempotency_key = ?",
            outcome.name(),
            idempotencyKey)
        == 1;
  }

  @Override
  public long count() {
    return queries.count("SELECT COUNT(*) FROM collection_attempt");
  }

  @Override
  public Map<MemberId, List<CollectionAttempt>> ofMembersSince(
      Collection<MemberId> members, Instant since) {
    if (members.isEmpty()) {
      return Map.of();
    }
    return byMember(
        "SELECT a.member_id, a.attempted_at, a.kind, a.channel, a.outcome, a.id"
            + " FROM collection_attempt a WHERE a.member_id IN (<ids_of_json>)"
            + " AND a.attempted_at >= :since",
        query -> query.bind("ids", MemberIdsJson.of(members)).bind("since", since));
  }
}
