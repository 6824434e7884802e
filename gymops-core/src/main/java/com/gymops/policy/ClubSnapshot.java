package com.gymops.policy;

import com.gymops.domain.Club;
import com.gymops.domain.CollectionHold;
import com.gymops.domain.MemberId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a policy may look at for one run of one club. Which members it holds depends on the
 * workflow (all of the club for campaigns, the past-due ones for collections).
 *
 * @param templates the club's message texts, which the policies render into the plan
 * @param holds the club's standing collection holds by member; a held member gets no reminder,
 *     invoice, escalation, referral or lock while {@link #onHold} says so
 * @param payLinks the pay link of each member in view that has one (their own, else {@code
 *     messaging.pay_link} filled in), which the texts that ask for money end with
 * @param providerRetries the payment provider's next automatic try of each member's open invoice,
 *     when the club lets reminders wait for it ({@code payments.wait_for_provider_retry}); empty
 *     otherwise
 */
public record ClubSnapshot(
    Club club,
    ClubPolicy policy,
    MessageTemplates templates,
    List<MemberSnapshot> members,
    Map<MemberId, CollectionHold> holds,
    Map<MemberId, String> payLinks,
    Map<MemberId, Instant> providerRetries) {
  /** The skip reason of a member on a collection hold. */
  public static final String ON_HOLD = "collection hold";

  /** The skip reason of a reminder that waits for the payment provider's next try of the card. */
  public static final String PROVIDER_RETRY = "payment provider retries the card";

  /** A snapshot whose reminders wait for no payment provider. */
  public ClubSnapshot(
      Club club,
      ClubPolicy policy,
      MessageTemplates templates,
      List<MemberSnapshot> members,
      Map<MemberId, CollectionHold> holds,
      Map<MemberId, String> payLinks) {
    this(club, policy, templates, members, holds, payLinks, Map.of());
  }

  /**
   * Whether the member's reminder waits: the provider will try their card again after {@code now}.
   */
  public boolean awaitsProviderRetry(MemberId member, Instant now) {
    Instant retry = providerRetries.get(member);
    return retry != null && retry.isAfter(now);
  }

  public ClubSnapshot {
    Objects.requireNonNull(club, "club");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(templates, "templates");
    members = List.copyOf(members);
    holds = Map.copyOf(holds);
    payLinks = Map.copyOf(payLinks);
    providerRetries = Map.copyOf(providerRetries);
  }

  /** A club without collection holds. */
  public ClubSnapshot(
      Club club, ClubPolicy policy, MessageTemplates templates, List<MemberSnapshot> members) {
    this(club, policy, templates, members, Map.of(), Map.of());
  }

  /** A snapshot with the built-in texts. */
  public ClubSnapshot(
      Club club,
      ClubPolicy policy,
      List<MemberSnapshot> members,
      Map<MemberId, CollectionHold> holds) {
    this(club, policy, MessageTemplates.defaults(), members, holds, Map.of());
  }

  /** Whether collections must leave the member alone on the club-local {@code today}. */
  public boolean onHold(MemberId member, LocalDate today) {
    CollectionHold hold = holds.get(member);
    return hold != null && hold.holdsOn(today);
  }

  /** A snapshot with the built-in texts and no collection holds. */
  public ClubSnapshot(Club club, ClubPolicy policy, List<MemberSnapshot> members) {
    this(club, policy, MessageTemplates.defaults(), members, Map.of(), Map.of());
  }
}
