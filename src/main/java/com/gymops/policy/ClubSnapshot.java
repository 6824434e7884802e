package com.gymops.policy;

import com.gymops.domain.Club;
import com.gymops.domain.CollectionHold;
import com.gymops.domain.MemberId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a policy may look at for one run of one club. Which members it holds depends on the
 * workflow (all of the club for campaigns, the past-due ones for collections).
 *
 * @param holds the club's standing collection holds by member; a held member gets no reminder,
 *     invoice, escalation, referral or lock while {@link #onHold} says so
 */
public record ClubSnapshot(
    Club club,
    ClubPolicy policy,
    List<MemberSnapshot> members,
    Map<MemberId, CollectionHold> holds) {
  /** The skip reason of a member on a collection hold. */
  public static final String ON_HOLD = "collection hold";

  public ClubSnapshot {
    Objects.requireNonNull(club, "club");
    Objects.requireNonNull(policy, "policy");
    members = List.copyOf(members);
    holds = Map.copyOf(holds);
  }

  /** A club without collection holds. */
  public ClubSnapshot(Club club, ClubPolicy policy, List<MemberSnapshot> members) {
    this(club, policy, members, Map.of());
  }

  /** Whether collections must leave the member alone on the club-local {@code today}. */
  public boolean onHold(MemberId member, LocalDate today) {
    CollectionHold hold = holds.get(member);
    return hold != null && hold.holdsOn(today);
  }
}
