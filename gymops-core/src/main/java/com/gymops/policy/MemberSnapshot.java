package com.gymops.policy;

import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.Member;
import com.gymops.domain.Referral;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A member as the policies see them at the start of a run.
 *
 * @param attempts collection attempts (reminders and invoices, any outcome) of at least the last
 *     400 days and of the whole current delinquency, oldest first
 * @param openReferral the member's open collections referral, if any
 * @param lastEscalation the member's latest escalation, if any
 * @param lastLockText when the member's lock text ({@code access_locked}) was last queued, if
 *     past-due monitoring loaded it: whichever workflow locked, the member's one text about it
 * @param staff whether the club system counts the member as staff (ClubHub's "Staff Member"): door
 *     access never locks or warns them (docs/INTEGRATIONS.md)
 */
public record MemberSnapshot(
    Member member,
    List<CollectionAttempt> attempts,
    MarketingHistory marketing,
    Optional<Referral> openReferral,
    Optional<Escalation> lastEscalation,
    Optional<Instant> lastLockText,
    boolean staff) {
  public MemberSnapshot {
    Objects.requireNonNull(member, "member");
    attempts = List.copyOf(attempts);
    Objects.requireNonNull(marketing, "marketing");
    Objects.requireNonNull(openReferral, "openReferral");
    Objects.requireNonNull(lastEscalation, "lastEscalation");
    Objects.requireNonNull(lastLockText, "lastLockText");
  }

  /** A member who is not staff. */
  public MemberSnapshot(
      Member member,
      List<CollectionAttempt> attempts,
      MarketingHistory marketing,
      Optional<Referral> openReferral,
      Optional<Escalation> lastEscalation,
      Optional<Instant> lastLockText) {
    this(member, attempts, marketing, openReferral, lastEscalation, lastLockText, false);
  }

  /** A member without a lock text in view. */
  public MemberSnapshot(
      Member member,
      List<CollectionAttempt> attempts,
      MarketingHistory marketing,
      Optional<Referral> openReferral,
      Optional<Escalation> lastEscalation) {
    this(member, attempts, marketing, openReferral, lastEscalation, Optional.empty());
  }

  public static MemberSnapshot of(Member member) {
    return new MemberSnapshot(
        member, List.of(), MarketingHistory.NONE, Optional.empty(), Optional.empty());
  }
}
