package com.gymops.workflow;

import com.gymops.domain.Club;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.CollectionHold;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import com.gymops.domain.Referral;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.ClubPolicy;
import com.gymops.policy.ClubSnapshot;
import com.gymops.policy.Escalation;
import com.gymops.policy.MarketingHistory;
import com.gymops.policy.MemberSnapshot;
import com.gymops.store.EscalationStore.LastEscalation;
import com.gymops.store.Stores;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a workflow's policy needs, with a handful of set-based queries whatever the number of
 * members: the members concerned, their attempts, marketing history, referrals, escalations.
 */
final class SnapshotLoader {
  /**
   * Attempt history kept in view: a year and a month, so 30-day and per-delinquency counts hold.
   */
  private static final Duration HISTORY = Duration.ofDays(400);

  private final Stores stores;

  SnapshotLoader(Stores stores) {
    this.stores = stores;
  }

  ClubSnapshot load(WorkflowId workflow, Club club, ClubPolicy policy, Instant now) {
    List<Member> members =
        switch (workflow) {
          case DAILY_CAMPAIGNS -> stores.members().inClub(club.id());
          case DOOR_ACCESS -> stores.members().pastDueOrLocked(club.id());
          default -> stores.members().pastDue(club.id(), Money.ofCents(1));
        };
    Map<MemberId, List<CollectionAttempt>> attempts =
        workflow == WorkflowId.DAILY_CAMPAIGNS
            ? Map.of()
            : stores.attempts().inClubSince(club.id(), historyStart(members, club, now));
    Map<MemberId, Map<String, Instant>> marketing =
        workflow == WorkflowId.DAILY_CAMPAIGNS
            ? stores.outbox().marketingHistory(club.id())
            : Map.of();
    Map<MemberId, Referral> referrals = stores.referrals().openInClub(club.id());
    Map<MemberId, LastEscalation> escalations =
        workflow == WorkflowId.COLLECTIONS_ESCALATION
            ? stores.escalations().latestInClub(club.id())
            : Map.of();
    List<MemberSnapshot> snapshots = new ArrayList<>(members.size());
    for (Member member : members) {
      snapshots.add(
          new MemberSnapshot(
              member,
              attempts.getOrDefault(member.id(), List.of()),
              new MarketingHistory(marketing.getOrDefault(member.id(), Map.of())),
              Optional.ofNullable(referrals.get(member.id())),
              Optional.ofNullable(escalations.get(member.id()))
                  .map(last -> new Escalation(last.on(), last.reasons()))));
    }
    // Campaigns are not collections: a hold does not stop them.
    Map<MemberId, CollectionHold> holds =
        workflow == WorkflowId.DAILY_CAMPAIGNS
            ? Map.of()
            : stores.holds().standingInClub(club.id());
    return new ClubSnapshot(club, policy, snapshots, holds);
  }

  /** The earlier of a year-and-a-month ago and the start of the oldest delinquency in view. */
  private static Instant historyStart(List<Member> members, Club club, Instant now) {
    Instant start = now.minus(HISTORY);
    for (Member member : members) {
      LocalDate since = member.pastDueSince();
      if (since != null) {
        Instant sinceStart = since.atStartOfDay(club.zone()).toInstant();
        if (sinceStart.isBefore(start)) {
          start = sinceStart;
        }
      }
    }
    return start;
  }
}
