package com.gymops.store;

import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.MemberId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** Collection attempts in the {@code collection_attempt} table. */
public final class JdbiAttemptStore implements AttemptStore {
  private static final String COLUMNS = "member_id, attempted_at, kind, channel, outcome";
  private final Jdbi jdbi;

  public JdbiAttemptStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public int addAll(List<KeyedAttempt> attempts) {
    if (attempts.isEmpty()) {
      return 0;
    }
    return jdbi.inTransaction(
        handle -> {
          PreparedBatch batch =
              handle.prepareBatch(
                  "INSERT INTO collection_attempt (member_id, attempted_at, kind, channel, outcome,"
                      + " run_id, idempotency_key) VALUES (:member_id, :attempted_at, :kind,"
                      + " :channel, :outcome, :run_id, :key) ON CONFLICT DO NOTHING");
          for (KeyedAttempt keyed : attempts) {
            CollectionAttempt attempt = keyed.attempt();
            batch
                .bind("member_id", attempt.memberId().value())
                .bind("attempted_at", attempt.attemptedAt())
                .bind("kind", attempt.kind().name())
                .bind("channel", attempt.channel().name())
                .bind("outcome", attempt.outcome().name())
                .bind("run_id", keyed.runId())
                .bind("key", keyed.idempotencyKey())
                .add();
          }
          int added = 0;
          for (int count : batch.execute()) {
            // PostgreSQL reports 0 for a skipped conflict; some drivers report SUCCESS_NO_INFO
            // (-2).
            added += Math.max(0, count);
          }
          return added;
        });
  }

  @Override
  public Map<MemberId, List<CollectionAttempt>> inClubSince(ClubId club, Instant since) {
    return byMember(
        "SELECT a.member_id, a.attempted_at, a.kind, a.channel, a.outcome"
            + " FROM collection_attempt a JOIN member m ON m.member_id = a.member_id"
            + " WHERE m.club_id = :club AND a.attempted_at >= :since"
            + " ORDER BY a.member_id, a.attempted_at, a.id",
        query -> query.bind("club", club.value()).bind("since", since));
  }

  @Override
  public Map<MemberId, List<CollectionAttempt>> ofPastDueInClubSince(
      ClubId club, com.gymops.domain.Money minimum, Instant since) {
    return byMember(
        "SELECT a.member_id, a.attempted_at, a.kind, a.channel, a.outcome"
            + " FROM collection_attempt a JOIN member m ON m.member_id = a.member_id"
            + " WHERE m.club_id = :club AND m.past_due_cents >= :minimum"
            + " AND a.attempted_at >= :since ORDER BY a.member_id, a.attempted_at, a.id",
        query ->
            query.bind("club", club.value()).bind("minimum", minimum.cents()).bind("since", since));
  }

  private Map<MemberId, List<CollectionAttempt>> byMember(
      String sql, java.util.function.Consumer<org.jdbi.v3.core.statement.Query> bind) {
    return jdbi.withHandle(
        handle -> {
          Map<MemberId, List<CollectionAttempt>> byMember = new LinkedHashMap<>();
          var query = handle.createQuery(sql);
          bind.accept(query);
          query
              .map(JdbiAttemptStore::map)
              .forEach(
                  attempt ->
                      byMember
                          .computeIfAbsent(attempt.memberId(), id -> new ArrayList<>())
                          .add(attempt));
          return byMember;
        });
  }

  @Override
  public List<CollectionAttempt> ofMember(MemberId member) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM collection_attempt WHERE member_id = :member ORDER BY attempted_at, id")
                .bind("member", member.value())
                .map(JdbiAttemptStore::map)
                .list());
  }

  @Override
  public boolean discard(String idempotencyKey) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate("DELETE FROM collection_attempt WHERE idempotency_key = :key")
                    .bind("key", idempotencyKey)
                    .execute())
        == 1;
  }

  @Override
  public boolean setOutcome(String idempotencyKey, AttemptOutcome outcome) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE collection_attempt SET outcome = :outcome WHERE idempotency_key = :key")
                    .bind("outcome", outcome.name())
                    .bind("key", idempotencyKey)
                    .execute())
        == 1;
  }

  @Override
  public long count() {
    return jdbi.withHandle(
        handle ->
            handle.createQuery("SELECT COUNT(*) FROM collection_attempt").mapTo(Long.class).one());
  }

  static CollectionAttempt map(ResultSet rs, StatementContext context) throws SQLException {
    return new CollectionAttempt(
        new MemberId(rs.getString("member_id")),
        Columns.instant(rs, "attempted_at"),
        AttemptKind.valueOf(rs.getString("kind")),
        Channel.valueOf(rs.getString("channel")),
        AttemptOutcome.valueOf(rs.getString("outcome")));
  }
}
