package com.gymops.application.run;

import com.gymops.application.port.store.EscalationStore.LastEscalation;
import com.gymops.application.port.store.Stores;
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
import com.gymops.policy.MessageTemplates;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a workflow's policy needs, with a handful of set-based queries whatever the number of
 * members: the members concerned, their attempts (only where the policy counts them, and only of
 * the members it looks at), marketing history, referrals, escalations.
 */
final class SnapshotLoader {
  /**
   * Attempt history kept in view: a year and a month, so 30-day and per-delinquency counts hold.
   */
  private static final Duration HISTORY = Duration.ofDays(400);

  /** Who the collections policies look at: anyone who owes a cent. */
  private static final Money PAST_DUE = Money.ofCents(1);

  private final Stores stores;
  private final MessageTemplates templates;
  private final PayLinkSource payLinks;

  /**
   * @param payLinkTemplate {@code messaging.pay_link}, or null
   */
  SnapshotLoader(Stores stores, MessageTemplates templates, String payLinkTemplate) {
    this.stores = stores;
    this.templates = templates;
    this.payLinks = new PayLinkSource(stores.payLinks(), payLinkTemplate);
  }

  ClubSnapshot load(WorkflowId workflow, Club club, ClubPolicy policy, Instant now) {
    List<Member> members =
        switch (workflow) {
          case DAILY_CAMPAIGNS -> stores.members().inClub(club.id());
          case DOOR_ACCESS -> stores.members().pastDueOrLocked(club.id());
          default -> stores.members().pastDue(club.id(), PAST_DUE);
        };
    // Door access decides on balance and days past due alone; campaigns on marketing history.
    Map<MemberId, List<CollectionAttempt>> attempts =
        workflow == WorkflowId.DAILY_CAMPAIGNS || workflow == WorkflowId.DOOR_ACCESS
            ? Map.of()
            : stores
                .attempts()
                .ofPastDueInClubSince(club.id(), PAST_DUE, historyStart(members, club, now));
    return snapshot(workflow, club, policy, members, attempts);
  }

  /**
   * The snapshot of one member of the club, with the same history the club-wide snapshot would hold
   * for them: empty when the member is unknown or of another club.
   */
  ClubSnapshot loadMember(WorkflowId workflow, Club club, ClubPolicy policy, MemberId memberId) {
    List<Member> members =
        stores.members().find(memberId).filter(m -> m.clubId().equals(club.id())).stream().toList();
    Map<MemberId, List<CollectionAttempt>> attempts =
        members.isEmpty()
                || workflow == WorkflowId.DAILY_CAMPAIGNS
                || workflow == WorkflowId.DOOR_ACCESS
            ? Map.of()
            : Map.of(memberId, stores.attempts().ofMember(memberId));
    return snapshot(workflow, club, policy, members, attempts);
  }

  private ClubSnapshot snapshot(
      WorkflowId workflow,
      Club club,
      ClubPolicy policy,
      List<Member> members,
      Map<MemberId, List<CollectionAttempt>> attempts) {
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
    // Marketing texts carry no pay link; everything else that asks for money may.
    Map<MemberId, String> links =
        workflow == WorkflowId.DAILY_CAMPAIGNS ? Map.of() : payLinks.of(members);
    return new ClubSnapshot(club, policy, templates, snapshots, holds, links);
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
