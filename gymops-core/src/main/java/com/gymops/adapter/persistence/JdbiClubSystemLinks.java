package com.gymops.adapter.persistence;

import com.gymops.application.port.ClubSystemFacts;
import com.gymops.application.port.store.ClubSystemLinks;
import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The club system's columns of the {@code member} table. */
final class JdbiClubSystemLinks implements ClubSystemLinks {
  private final Jdbi jdbi;

  JdbiClubSystemLinks(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void putAll(List<Link> links, Instant now) {
    if (links.isEmpty()) {
      return;
    }
    jdbi.useTransaction(handle -> update(handle, links));
  }

  /** Writes the links in the caller's transaction: a member's row and its link commit together. */
  static void update(Handle handle, List<Link> links) {
    if (links.isEmpty()) {
      return;
    }
    PreparedBatch update =
        handle.prepareBatch(
            "UPDATE member SET external_id = :external_id, club_status = :club_status,"
                + " last_check_in = :last_check_in WHERE member_id = :member_id");
    for (Link link : links) {
      update
          .bind("member_id", link.memberId().value())
          .bind("external_id", link.externalId())
          .bind("club_status", link.clubStatus())
          .bind("last_check_in", link.lastCheckIn())
          .add();
    }
    update.execute();
  }

  @Override
  public Optional<Link> find(MemberId member) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT external_id, club_status, last_check_in FROM member"
                        + " WHERE member_id = :member_id AND external_id IS NOT NULL")
                .bind("member_id", member.value())
                .map(
                    (rs, context) ->
                        new Link(member, rs.getString(1), rs.getString(2), Columns.date(rs, 3)))
                .findOne());
  }

  @Override
  public Set<MemberId> staffIn(ClubId club) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT member_id FROM member WHERE club_id = :club_id AND club_status = :staff")
                .bind("club_id", club.value())
                .bind("staff", ClubSystemFacts.STAFF)
                .mapTo(String.class)
                .map(MemberId::new)
                .collect(Collectors.toSet()));
  }
}
