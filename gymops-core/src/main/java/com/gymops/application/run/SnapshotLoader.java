package com.gymops.application.run;

import com.gymops.application.port.store.AttemptStore;
import com.gymops.application.port.store.ClubSystemLinks;
import com.gymops.application.port.store.EscalationStore;
import com.gymops.application.port.store.EscalationStore.LastEscalation;
import com.gymops.application.port.store.HoldStore;
import com.gymops.application.port.store.MemberStore;
import com.gymops.application.port.store.Outbox;
import com.gymops.application.port.store.PayLinks;
import com.gymops.application.port.store.ProviderBilling;
import com.gymops.application.port.store.ReferralStore;
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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what a workflow's policy needs, with a handful of set-based queries whatever the number of
 * members: the members concerned, their attempts (only where the policy counts them, and only of
 * the members it looks at), marketing history, referrals, escalations, holds and pay links. A run
 * for a few members reads those members' rows only, never the club's.
 */
public final class SnapshotLoader {
  /**
   * Attempt history kept in view: a year and a month, so 30-day and per-delinquency counts hold.
   */
  private static final Duration HISTORY = Duration.ofDays(400);

  /** Who the collections policies look at: anyone who owes a cent. */
  private static final Money PAST_DUE = Money.ofCents(1);

  private final MemberStore members;
  private final AttemptStore attempts;
  private final Outbox outbox;
  private final ReferralStore referrals;
  private final EscalationStore escalations;
  private final HoldStore holds;
  private final MessageTemplates templates;
  private final PayLinkSource payLinks;
  private final ClubSystemLinks clubLinks;
  private final ProviderBilling retries;

  /** Without the club system's links: nobody is staff. */
  public SnapshotLoader(
      MemberStore members,
      AttemptStore attempts,
      Outbox outbox,
      ReferralStore referrals,
      EscalationStore escalations,
      HoldStore holds,
      PayLinks payLinks,
      MessageTemplates templates,
      String payLinkTemplate) {
    this(
        members,
        attempts,
        outbox,
        referrals,
        escalations,
        holds,
        payLinks,
        templates,
        payLinkTemplate,
        null,
        null);
  }

  /**
   * @param payLinkTemplate {@code messaging.pay_link}, or null
   * @param clubLinks the club system's standing of each member, which says who is staff (null:
   *     nobody)
   * @param retries where the payment provider's next tries are read when reminders wait for them
   *     ({@code payments.wait_for_provider_retry}), or null when they do not
   */
  public SnapshotLoader(
      MemberStore members,
      AttemptStore attempts,
      Outbox outbox,
      ReferralStore referrals,
      EscalationStore escalations,
      HoldStore holds,
      PayLinks payLinks,
      MessageTemplates templates,
      String payLinkTemplate,
      ClubSystemLinks clubLinks,
      ProviderBilling retries) {
    this.clubLinks = clubLinks;
    this.retries = retries;
    this.members = members;
    this.attempts = attempts;
    this.outbox = outbox;
    this.referrals = referrals;
    this.escalations = escalations;
    this.holds = holds;
    this.templates = templates;
    this.payLinks = new PayLinkSource(payLinks, payLinkTemplate);
  }

  ClubSnapshot load(WorkflowId workflow, Club club, ClubPolicy policy, Instant now) {
    List<Member> concerned =
        switch (workflow) {
          case DAILY_CAMPAIGNS -> members.inClub(club.id());
          case DOOR_ACCESS -> members.pastDueOrLocked(club.id());
          default -> members.pastDue(club.id(), PAST_DUE);
        };
    // Door access decides on balance and days past due alone; campaigns on marketing history.
    Map<MemberId, List<CollectionAttempt>> history =
        countsAttempts(workflow)
            ? attempts.ofPastDueInClubSince(club.id(), PAST_DUE, historyStart(concerned, club, now))
            : Map.of();
    Map<MemberId, Map<String, Instant>> marketing =
        workflow == WorkflowId.DAILY_CAMPAIGNS ? outbox.marketingHistory(club.id()) : Map.of();
    Map<MemberId, LastEscalation> escalated =
        workflow == WorkflowId.COLLECTIONS_ESCALATION
            ? escalations.latestInClub(club.id())
            : Map.of();
    // Campaigns are not collections: a hold does not stop them.
    Map<MemberId, CollectionHold> standing =
        workflow == WorkflowId.DAILY_CAMPAIGNS ? Map.of() : holds.standingInClub(club.id());
    Map<MemberId, Instant> lockTexts =
        workflow == WorkflowId.PAST_DUE_MONITORING
            ? outbox.lastOfTemplate(club.id(), MessageTemplates.ACCESS_LOCKED)
            : Map.of();
    return snapshot(
        workflow,
        club,
        policy,
        concerned,
        history,
        marketing,
        referrals.openInClub(club.id()),
        escalated,
        standing,
        lockTexts);
  }

  /**
   * The snapshot of only {@code ids} of the club, with what the club-wide snapshot would hold for
   * them (a member it would not look at, or of another club, is not in it), read by member id.
   */
  ClubSnapshot load(
      WorkflowId workflow, Club club, ClubPolicy policy, Instant now, Set<MemberId> ids) {
    return load(workflow, club, policy, now, members.findAll(ids));
  }

  /** {@link #load(WorkflowId, Club, ClubPolicy, Instant, Set)} of members the caller has read. */
  ClubSnapshot load(
      WorkflowId workflow, Club club, ClubPolicy policy, Instant now, List<Member> read) {
    List<Member> concerned =
        read.stream().filter(m -> m.clubId().equals(club.id()) && concerns(workflow, m)).toList();
    Set<MemberId> found = concerned.stream().map(Member::id).collect(Collectors.toSet());
    Map<MemberId, List<CollectionAttempt>> history =
        countsAttempts(workflow) && !found.isEmpty()
            ? attempts.ofMembersSince(found, historyStart(concerned, club, now))
            : Map.of();
    Map<MemberId, Map<String, Instant>> marketing =
        workflow == WorkflowId.DAILY_CAMPAIGNS ? outbox.marketingHistoryOf(found) : Map.of();
    Map<MemberId, LastEscalation> escalated =
        workflow == WorkflowId.COLLECTIONS_ESCALATION ? escalations.latestOf(found) : Map.of();
    Map<MemberId, CollectionHold> standing =
        workflow == WorkflowId.DAILY_CAMPAIGNS ? Map.of() : holds.standingOf(found);
    Map<MemberId, Instant> lockTexts =
        workflow == WorkflowId.PAST_DUE_MONITORING
            ? outbox.lastOfTemplateOf(found, MessageTemplates.ACCESS_LOCKED)
            : Map.of();
    return snapshot(
        workflow,
        club,
        policy,
        concerned,
        history,
        marketing,
        referrals.openOf(found),
        escalated,
        standing,
        lockTexts);
  }

  /**
   * Only {@code ids} of the club as they are, with nothing else: the snapshot of actions a person
   * decided, which no policy reads.
   */
  ClubSnapshot members(Club club, ClubPolicy policy, Set<MemberId> ids) {
    return new ClubSnapshot(
        club,
        policy,
        templates,
        members.findAll(ids).stream()
            .filter(m -> m.clubId().equals(club.id()))
            .map(MemberSnapshot::of)
            .toList());
  }

  /** The members the club-wide read of the workflow returns, as one member's test. */
  private static boolean concerns(WorkflowId workflow, Member member) {
    return switch (workflow) {
      case DAILY_CAMPAIGNS -> true;
      case DOOR_ACCESS -> member.pastDue().isPositive() || member.door().isLocked();
      default -> member.pastDue().compareTo(PAST_DUE) >= 0;
    };
  }

  private static boolean countsAttempts(WorkflowId workflow) {
    return workflow != WorkflowId.DAILY_CAMPAIGNS && workflow != WorkflowId.DOOR_ACCESS;
  }

  private ClubSnapshot snapshot(
      WorkflowId workflow,
      Club club,
      ClubPolicy policy,
      List<Member> concerned,
      Map<MemberId, List<CollectionAttempt>> history,
      Map<MemberId, Map<String, Instant>> marketing,
      Map<MemberId, Referral> open,
      Map<MemberId, LastEscalation> escalated,
      Map<MemberId, CollectionHold> standing,
      Map<MemberId, Instant> lockTexts) {
    // Only the door asks who is staff: one query of the club's staff, a handful of rows.
    Set<MemberId> staff =
        workflow == WorkflowId.DOOR_ACCESS && clubLinks != null && !concerned.isEmpty()
            ? clubLinks.staffIn(club.id())
            : Set.of();
    List<MemberSnapshot> snapshots = new ArrayList<>(concerned.size());
    for (Member member : concerned) {
      snapshots.add(
          new MemberSnapshot(
              member,
              history.getOrDefault(member.id(), List.of()),
              new MarketingHistory(marketing.getOrDefault(member.id(), Map.of())),
              Optional.ofNullable(open.get(member.id())),
              Optional.ofNullable(escalated.get(member.id()))
                  .map(last -> new Escalation(last.on(), last.reasons())),
              Optional.ofNullable(lockTexts.get(member.id())),
              staff.contains(member.id())));
    }
    // Marketing texts carry no pay link; everything else that asks for money may.
    Map<MemberId, String> links =
        workflow == WorkflowId.DAILY_CAMPAIGNS ? Map.of() : payLinks.of(concerned);
    Map<MemberId, Instant> providerRetries = new java.util.HashMap<>();
    if (retries != null && workflow == WorkflowId.PAST_DUE_MONITORING) {
      retries
          .openOf(concerned.stream().map(Member::id).toList())
          .forEach(
              (member, invoice) -> {
                if (invoice.nextRetry() != null) {
                  providerRetries.put(member, invoice.nextRetry());
                }
              });
    }
    return new ClubSnapshot(club, policy, templates, snapshots, standing, links, providerRetries);
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
