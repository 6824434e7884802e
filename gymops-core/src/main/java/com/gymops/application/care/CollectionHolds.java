package com.gymops.application.care;

import com.gymops.application.port.store.HoldStore;
import com.gymops.application.port.store.MemberStore;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.CollectionHold;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * Payment plans and other agreements: {@code gymops members hold|release}, the API, the import and
 * the club system set them; the policies read them from the snapshot.
 */
public final class CollectionHolds {
  /** The furthest a hold may reach: longer than any payment plan, short of a typo's year 99999. */
  public static final Period LONGEST = Period.ofYears(2);

  private final GymOpsConfig config;
  private final MemberStore members;
  private final HoldStore holds;
  private final Audit audit;
  private final Clock clock;

  public CollectionHolds(
      GymOpsConfig config, MemberStore members, HoldStore holds, Audit audit, Clock clock) {
    this.config = config;
    this.members = members;
    this.holds = holds;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Holds collections for the member until {@code until} (on that club-local day they resume).
   *
   * @throws IllegalArgumentException when the date is not after today, is more than {@link
   *     #LONGEST} ahead, or the reason is blank
   */
  public CollectionHold hold(Actor actor, MemberId id, LocalDate until, String reason) {
    Member member = Members.find(members, id);
    actor.mustReach(member.clubId());
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a hold needs a reason (e.g. 'payment plan')");
    }
    LocalDate today = today(member);
    if (!until.isAfter(today)) {
      throw new IllegalArgumentException(
          "the hold must end after today (" + today + " at club " + member.clubId() + ")");
    }
    if (until.isAfter(today.plus(LONGEST))) {
      throw new IllegalArgumentException(
          "the hold must end by " + today.plus(LONGEST) + " (at most two years from today)");
    }
    Optional<CollectionHold> before = holds.of(id);
    CollectionHold hold =
        new CollectionHold(
            id, member.clubId(), until, reason.strip(), actor.name(), clock.instant(), null, null);
    holds.put(hold);
    audit.record(
        actor,
        member.clubId(),
        "hold",
        Audit.member(id),
        before.filter(h -> h.holdsOn(today)).map(CollectionHolds::describe).orElse("no hold"),
        describe(hold),
        reason.strip());
    return hold;
  }

  /**
   * Ends the member's hold today.
   *
   * @throws IllegalStateException when the member has no standing hold
   */
  public void release(Actor actor, MemberId id) {
    Member member = Members.find(members, id);
    actor.mustReach(member.clubId());
    Optional<CollectionHold> before = holds.of(id);
    if (before.isEmpty() || !before.get().holdsOn(today(member))) {
      throw new IllegalStateException("member " + id + " has no collection hold to release");
    }
    holds.release(id, actor.name(), clock.instant());
    audit.record(
        actor,
        member.clubId(),
        "release",
        Audit.member(id),
        describe(before.get()),
        "no hold",
        null);
  }

  /** The member's hold if it still stands today. */
  public Optional<CollectionHold> standing(Member member) {
    LocalDate today = today(member);
    return holds.of(member.id()).filter(h -> h.holdsOn(today));
  }

  private LocalDate today(Member member) {
    return LocalDate.ofInstant(
        clock.instant(), config.club(member.clubId()).orElseThrow().club().zone());
  }

  static String describe(CollectionHold hold) {
    return "hold until " + hold.until() + " (" + hold.reason() + ")";
  }
}
