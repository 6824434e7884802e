package com.gymops.adapter.persistence;

import com.gymops.application.port.store.HoldStore;
import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionHold;
import com.gymops.domain.MemberId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Holds in the {@code collection_hold} table. */
public final class JdbiHoldStore implements HoldStore {
  private static final String COLUMNS =
      "member_id, club_id, hold_until, reason, created_by, created_at, released_by, released_at";

  private final Jdbi jdbi;

  public JdbiHoldStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Delete and insert in one transaction: portable where an upsert is not. */
  @Override
  public void put(CollectionHold hold) {
    jdbi.useTransaction(
        handle -> {
          handle
              .createUpdate("DELETE FROM collection_hold WHERE member_id = :member")
              .bind("member", hold.memberId().value())
              .execute();
          handle
              .createUpdate(
                  "INSERT INTO collection_hold ("
                      + COLUMNS
                      + ") VALUES (:member, :club, :until, :reason, :created_by, :created_at,"
                      + " :released_by, :released_at)")
              .bind("member", hold.memberId().value())
              .bind("club", hold.clubId().value())
              .bind("until", hold.until())
              .bind("reason", hold.reason())
              .bind("created_by", hold.createdBy())
              .bind("created_at", hold.createdAt())
              .bind("released_by", hold.releasedBy())
              .bind("released_at", hold.releasedAt())
              .execute();
        });
  }

  @Override
  public boolean release(MemberId member, String by, Instant at) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE collection_hold SET released_by = :by, released_at = :at"
                            + " WHERE member_id = :member AND released_at IS NULL")
                    .bind("by", by)
                    .bind("at", at)
                    .bind("member", member.value())
                    .execute())
        == 1;
  }

  @Override
  public Optional<CollectionHold> of(MemberId member) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM collection_hold WHERE member_id = :m")
                .bind("m", member.value())
                .map((rs, context) -> hold(rs))
                .findOne());
  }

  @Override
  public Map<MemberId, CollectionHold> standingInClub(ClubId club) {
    Map<MemberId, CollectionHold> holds = new LinkedHashMap<>();
    for (CollectionHold hold :
        query(
            "SELECT "
                + COLUMNS
                + " FROM collection_hold WHERE club_id = :club AND released_at IS NULL",
            club)) {
      holds.put(hold.memberId(), hold);
    }
    return holds;
  }

  private List<CollectionHold> query(String sql, ClubId club) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(sql)
                .bind("club", club.value())
                .map((rs, context) -> hold(rs))
                .list());
  }

  private static CollectionHold hold(ResultSet rs) throws SQLException {
    return new CollectionHold(
        new MemberId(rs.getString("member_id")),
        new ClubId(rs.getString("club_id")),
        Columns.date(rs, "hold_until"),
        rs.getString("reason"),
        rs.getString("created_by"),
        Columns.instant(rs, "created_at"),
        rs.getString("released_by"),
        Columns.instant(rs, "released_at"));
  }

  @Override
  public Map<MemberId, CollectionHold> standingOf(Collection<MemberId> members) {
    if (members.isEmpty()) {
      return Map.of();
    }
    List<CollectionHold> standing =
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT "
                            + COLUMNS
                            + " FROM collection_hold WHERE member_id IN (<ids_of_json>)"
                            + " AND released_at IS NULL")
                    .bind("ids", MemberIdsJson.of(members))
                    .map((rs, context) -> hold(rs))
                    .list());
    Map<MemberId, CollectionHold> holds = new LinkedHashMap<>();
    standing.forEach(hold -> holds.put(hold.memberId(), hold));
    return holds;
  }
}
