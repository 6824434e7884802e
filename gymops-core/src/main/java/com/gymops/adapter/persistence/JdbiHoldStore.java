package com.gymops.adapter.persistence;

import com.gymops.application.port.store.HoldStore;
import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionHold;
import com.gymops.domain.MemberId;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Holds in the {@code collection_hold} table. */
final class JdbiHoldStore implements HoldStore {
  private static final String COLUMNS =
      "member_id, club_id, hold_until, reason, created_by, created_at, released_by, released_at";

  private final Jdbi jdbi;
  private final Queries queries;

  JdbiHoldStore(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.queries = new Queries(jdbi);
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
    return queries.update(
            "UPDATE collection_hold SET released_by = ?, released_at = ?"
                + " WHERE member_id = ? AND released_at IS NULL",
            by,
            at,
            member.value())
        == 1;
  }

  @Override
  public Optional<CollectionHold> of(MemberId member) {
    return queries.findOne(
        CollectionHold.class,
        "SELECT " + COLUMNS + " FROM collection_hold WHERE member_id = ?",
        member.value());
  }

  @Override
  public Map<MemberId, CollectionHold> standingInClub(ClubId club) {
    Map<MemberId, CollectionHold> holds = new LinkedHashMap<>();
    for (CollectionHold hold :
        queries.list(
            CollectionHold.class,
            "SELECT " + COLUMNS + " FROM collection_hold WHERE club_id = ? AND released_at IS NULL",
            club.value())) {
      holds.put(hold.memberId(), hold);
    }
    return holds;
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
                    .mapTo(CollectionHold.class)
                    .list());
    Map<MemberId, CollectionHold> holds = new LinkedHashMap<>();
    standing.forEach(hold -> holds.put(hold.memberId(), hold));
    return holds;
  }
}
