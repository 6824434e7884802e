package com.gymops.bench.clubhub;

import com.gymops.app.demo.DemoData;
import com.gymops.domain.Member;
import com.gymops.domain.MemberStatus;
import com.gymops.fakes.FakeClubHub;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo club (DemoClubGenerator's people) as ClubHub would hold it: each member a row, an
 * agreement whose {@code statusMessage} says what ClubHub's would of the debt, and check-ins; every
 * {@value #STAFF_EVERY}th active member who owes is staff (whom door access must never lock).
 * ClubHub ids are numbers from {@value #FIRST_ID}.
 */
public final class ClubHubSeed {
  public static final long FIRST_ID = 10_001;
  static final int STAFF_EVERY = 10;

  private ClubHubSeed() {}

  /**
   * @return what was put, by ClubHub id
   */
  public static Map<Long, Seeded> put(
      FakeClubHub clubHub, String club, DemoData data, LocalDate today) {
    return put(clubHub, club, data, today, FIRST_ID);
  }

  /**
   * @param firstId the ClubHub id of the first person, the others following: people who join later
   *     start after the ids already given
   */
  public static Map<Long, Seeded> put(
      FakeClubHub clubHub, String club, DemoData data, LocalDate today, long firstId) {
    return put(clubHub, club, data, today, firstId, id -> true);
  }

  /**
   * @param include which ClubHub ids to put: the others are numbered (and counted for staff) but
   *     left out, as people who join later
   */
  public static Map<Long, Seeded> put(
      FakeClubHub clubHub,
      String club,
      DemoData data,
      LocalDate today,
      long firstId,
      java.util.function.LongPredicate include) {
    Map<Long, Seeded> seeded = new LinkedHashMap<>();
    long id = firstId;
    int owing = 0;
    for (Member member : data.members()) {
      Map<String, Object> row = row(id, member, today);
      if (member.status() == MemberStatus.PROSPECT) {
        if (include.test(id)) {
          clubHub.putProspect(club, row);
          seeded.put(id, new Seeded(member, false));
        }
        id++;
        continue;
      }
      boolean staff =
          member.status() == MemberStatus.ACTIVE
              && member.pastDue().isPositive()
              && ++owing % STAFF_EVERY == 0;
      if (!include.test(id)) {
        id++;
        continue;
      }
      clubHub.putMember(club, row);
      clubHub.putAgreement(id, agreement(id, member, staff, today));
      if (member.status() == MemberStatus.ACTIVE && id % 3 != 0) {
        clubHub.putUsage(id, today.minusDays(id % 9) + "T07:30:00");
      }
      seeded.put(id, new Seeded(member, staff));
      id++;
    }
    return seeded;
  }

  /**
   * @param member the demo's person
   * @param staff whether ClubHub calls them staff
   */
  public record Seeded(Member member, boolean staff) {}

  private static Map<String, Object> row(long id, Member member, LocalDate today) {
    Map<String, Object> row = FakeClubHub.memberRow(id, member.firstName(), member.phone());
    row.put("lastName", member.lastName());
    row.put("email", member.email());
    row.put("membershipStart", member.joinedOn() == null ? null : member.joinedOn() + "T00:00:00");
    row.put(
        "membershipEnd",
        member.status() == MemberStatus.CANCELLED ? today.minusDays(1) + "T00:00:00" : null);
    row.put("lastVisit", today.minusDays(20 + id % 40) + "T18:00:00");
    row.put("state", member.state() == null ? null : member.state().code());
    return row;
  }

  private static Map<String, Object> agreement(
      long id, Member member, boolean staff, LocalDate today) {
    String message;
    if (staff) {
      message = "Staff Member";
    } else if (member.status() == MemberStatus.PPV) {
      message = "Pay Per Visit Member";
    } else if (member.pastDue().isPositive() && member.pastDueSince() != null) {
      long days = ChronoUnit.DAYS.between(member.pastDueSince(), today);
      // ClubHub's messages say "6-30 days" and "more than 30 days"; a younger debt reads as good
      // standing there, and its start is then the first pull that saw it.
      message =
          days > 30
              ? "Past Due more than 30 days."
              : days >= 6 ? "Past Due 6-30 days" : "Member is in good standing";
    } else {
      message = "Member is in good standing";
    }
    return FakeClubHub.agreement(id + 500_000, member.pastDue().toString(), message);
  }
}
