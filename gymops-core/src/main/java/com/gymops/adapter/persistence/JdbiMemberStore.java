package com.gymops.adapter.persistence;

import com.gymops.application.port.store.ClubSystemLinks;
import com.gymops.application.port.store.MemberStore;
import com.gymops.domain.ClubId;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Members in the {@code member} table. */
final class JdbiMemberStore implements MemberStore {
  private static final int CHUNK = 1_000;

  /** Every member query selects these, in this order: {@link RowMappers} reads them by position. */
  static final String COLUMNS =
      "member_id, club_id, first_name, last_name, phone, email, status, joined_on,"
          + " past_due_cents, past_due_since, sms_consent, sms_opted_out, door_state, lock_reason,"
          + " phone_unusable, state";

  private final Jdbi jdbi;
  private final Queries queries;

  JdbiMemberStore(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.queries = new Queries(jdbi);
  }

  /**
   * Portable upsert: look up which ids exist, then one batched UPDATE and one batched INSERT. A
   * MERGE would need PostgreSQL 15 and is not SQLite's upsert; this runs the same on both.
   */
  @Override
  public void upsertAll(List<Member> members, Instant now) {
    jdbi.useTransaction(
        handle -> {
          for (int from = 0; from < members.size(); from += CHUNK) {
            List<Member> chunk = members.subList(from, Math.min(members.size(), from + CHUNK));
            Set<MemberId> existing = existing(handle, chunk.stream().map(Member::id).toList());
            PreparedBatch update =
                handle.prepareBatch(
                    "UPDATE member SET club_id = :club_id, first_name = :first_name,"
                        // An import knows nothing of a number the provider refused: the flag
                        // stays while the number does, and a new number starts usable.
                        + " phone_unusable = CASE WHEN phone = :phone THEN phone_unusable"
                        + " ELSE :phone_unusable END,"
                        + " last_name = :last_name, phone = :phone, email = :email,"
                        + " status = :status, joined_on = :joined_on,"
                        + " past_due_cents = :past_due_cents, past_due_since = :past_due_since,"
                        + " sms_consent = :sms_consent, sms_opted_out = :sms_opted_out,"
                        + " door_state = :door_state, lock_reason = :lock_reason,"
                        + " state = COALESCE(:state, state), updated_at = :updated_at"
                        + " WHERE member_id = :member_id");
            PreparedBatch insert =
                handle.prepareBatch(
                    "INSERT INTO member ("
                        + COLUMNS
                        + ", updated_at) VALUES (:member_id, :club_id, :first_name, :last_name,"
                        + " :phone, :email, :status, :joined_on, :past_due_cents,"
                        + " :past_due_since, :sms_consent, :sms_opted_out, :door_state,"
                        + " :lock_reason, :phone_unusable, :state, :updated_at)");
            for (Member member : chunk) {
              PreparedBatch batch = existing.contains(member.id()) ? update : insert;
              bind(batch, member, now).add();
            }
            if (update.size() > 0) {
              update.execute();
            }
            if (insert.size() > 0) {
              insert.execute();
            }
          }
        });
  }

  @Override
  public void mergeFromClubSystem(
      List<Member> members, List<ClubSystemLinks.Link> links, Instant now) {
    jdbi.useTransaction(
        handle -> {
          for (int from = 0; from < members.size(); from += CHUNK) {
            List<Member> chunk = members.subList(from, Math.min(members.size(), from + CHUNK));
            Set<MemberId> existing = existing(handle, chunk.stream().map(Member::id).toList());
            PreparedBatch update =
                handle.prepareBatch(
                    "UPDATE member SET club_id = :club_id, first_name = :first_name,"
                        + " phone_unusable = CASE WHEN phone = :phone THEN phone_unusable"
                        + " ELSE FALSE END,"
                        + " last_name = :last_name, phone = :phone, email = :email,"
                        + " status = :status, joined_on = :joined_on,"
                        + " past_due_cents = :past_due_cents, past_due_since = :past_due_since,"
                        + " sms_consent = :sms_consent, state = COALESCE(:state, state),"
                        + " updated_at = :updated_at"
                        + " WHERE member_id = :member_id");
            PreparedBatch insert =
                handle.prepareBatch(
                    "INSERT INTO member ("
                        + COLUMNS
                        + ", updated_at) VALUES (:member_id, :club_id, :first_name, :last_name,"
                        + " :phone, :email, :status, :joined_on, :past_due_cents,"
                        + " :past_due_since, :sms_consent, :sms_opted_out, :door_state,"
                        + " :lock_reason, :phone_unusable, :state, :updated_at)");
            for (Member member : chunk) {
              if (existing.contains(member.id())) {
                bind(update, member, now).add();
              } else {
                bind(insert, member, now).add();
              }
            }
            if (update.size() > 0) {
              update.execute();
            }
            if (insert.size() > 0) {
              insert.execute();
            }
          }
          JdbiClubSystemLinks.update(handle, links);
        });
  }

  private static PreparedBatch bind(PreparedBatch batch, Member member, Instant now) {
    return batch
        .bind("member_id", member.id().value())
        .bind("club_id", member.clubId().value())
        .bind("first_name", member.firstName())
        .bind("last_name", member.lastName())
        .bind("phone", member.phone())
        .bind("email", member.email())
        .bind("status", member.status().name())
        .bind("joined_on", member.joinedOn())
        .bind("past_due_cents", member.pastDue().cents())
        .bind("past_due_since", member.pastDueSince())
        .bind("sms_consent", member.smsConsent())
        .bind("sms_opted_out", member.smsOptedOut())
        .bind("door_state", member.door().state().name())
        .bind(
            "lock_reason",
            member.door().lockReason() == null ? null : member.door().lockReason().name())
        .bind("phone_unusable", member.phoneUnusable())
        .bind("state", member.state() == null ? null : member.state().code())
        .bind("updated_at", now);
  }

  @Override
  public Optional<Member> find(MemberId id) {
    return queries.findOne(
        Member.class, "SELECT " + COLUMNS + " FROM member WHERE member_id = ?", id.value());
  }

  @Override
  public Set<MemberId> existing(Collection<MemberId> ids) {
    List<MemberId> all = List.copyOf(ids);
    return jdbi.withHandle(
        handle -> {
          Set<MemberId> found = new HashSet<>();
          for (int from = 0; from < all.size(); from += CHUNK) {
            found.addAll(existing(handle, all.subList(from, Math.min(all.size(), from + CHUNK))));
          }
          return found;
        });
  }

  private static Set<MemberId> existing(Handle handle, List<MemberId> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    Set<MemberId> found = new HashSet<>();
    handle
        .createQuery("SELECT member_id FROM member WHERE member_id IN (<ids>)")
        .bindList("ids", ids.stream().map(MemberId::value).toList())
        .mapTo(String.class)
        .forEach(id -> found.add(new MemberId(id)));
    return found;
  }

  @Override
  public List<Member> inClub(ClubId club) {
    return queries.list(
        Member.class,
        "SELECT " + COLUMNS + " FROM member WHERE club_id = ? ORDER BY member_id",
        club.value());
  }

  @Override
  public List<Member> pastDue(ClubId club, Money minimum) {
    return queries.list(
        Member.class,
        "SELECT "
            + COLUMNS
            + " FROM member WHERE club_id = ? AND past_due_cents >= ? ORDER BY member_id",
        club.value(),
        Math.max(1, minimum.cents()));
  }

  @Override
  public List<Member> pastDueOrLocked(ClubId club) {
    // Two index ranges instead of one OR, which both stores answer by walking every member of the
    // club: those who owe, and those locked who owe nothing.
    return queries.list(
        Member.class,
        "SELECT "
            + COLUMNS
            + " FROM member WHERE club_id = ? AND past_due_cents > 0"
            + " UNION ALL SELECT "
            + COLUMNS
            + " FROM member WHERE club_id = ? AND door_state = 'LOCKED'"
            + " AND past_due_cents = 0 ORDER BY member_id",
        club.value(),
        club.value());
  }

  @Override
  public long count() {
    return queries.count("SELECT COUNT(*) FROM member");
  }

  @Override
  public List<Member> withPhone(String phone) {
    return queries.list(
        Member.class,
        "SELECT " + COLUMNS + " FROM member WHERE phone = ? ORDER BY member_id",
        phone);
  }

  @Override
  public List<Member> pageAfter(MemberId after, int limit) {
    return queries.list(
        Member.class,
        "SELECT " + COLUMNS + " FROM member WHERE member_id > ? ORDER BY member_id LIMIT ?",
        after == null ? "" : after.value(),
        limit);
  }

  @Override
  public boolean setDoor(MemberId id, DoorAccess door, Instant now) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE member SET door_state = :state, lock_reason = :reason,"
                            + " updated_at = :now WHERE member_id = :id")
                    .bind("state", door.state().name())
                    .bind("reason", door.lockReason() == null ? null : door.lockReason().name())
                    .bind("now", now)
                    .bind("id", id.value())
                    .execute())
        == 1;
  }

  @Override
  public boolean setSmsOptedOut(MemberId id, boolean optedOut, Instant now) {
    return queries.update(
            "UPDATE member SET sms_opted_out = ?, updated_at = ? WHERE member_id = ?",
            optedOut,
            now,
            id.value())
        == 1;
  }

  @Override
  public boolean setPhoneUnusable(MemberId id, String phone, Instant now) {
    return queries.update(
            "UPDATE member SET phone_unusable = TRUE, updated_at = ?"
                + " WHERE member_id = ? AND phone = ?",
            now,
            id.value(),
            phone)
        == 1;
  }

  @Override
  public List<Member> findAll(Collection<MemberId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM member WHERE member_id IN (<ids_of_json>) ORDER BY member_id")
                .bind("ids", MemberIdsJson.of(ids))
                .mapTo(Member.class)
                .list());
  }
}
