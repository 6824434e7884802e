package com.gymops.policy;

import com.gymops.domain.Member;
import com.gymops.domain.Money;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import com.gymops.domain.Plural;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fortnightly collections referral (docs/WORKFLOWS.md): members who ignored enough reminders for
 * long enough are handed to the agency, each with an urgent note, and the manager gets one text.
 * The policy plans whatever day it runs on; choosing the referral Mondays is the scheduler's job
 * (see {@link Fortnight}), so a manual run on another day still works.
 */
public final class CollectionsReferralPolicy implements WorkflowPolicy {
  public static final String ALREADY_REFERRED = "open referral";
  public static final String RULE_THRESHOLDS = "referral.thresholds";
  public static final String RULE_SUMMARY = "referral.summary";

  @Override
  public Plan plan(ClubSnapshot snapshot, Clock clock) {
    Instant now = clock.instant();
    ZoneId zone = snapshot.club().zone();
    LocalDate today = LocalDate.ofInstant(now, zone);
    ReferralRules rules = snapshot.policy().referral();

    List<Action> actions = new ArrayList<>();
    Map<String, Integer> skipped = new LinkedHashMap<>();
    List<CollectionCase> referred = new ArrayList<>();
    List<ReferralSummary.Referral> rows = new ArrayList<>();
    Money total = Money.ZERO;

    for (MemberSnapshot memberSnapshot : snapshot.members()) {
      Member member = memberSnapshot.member();
      if (!member.isPastDue()) {
        continue;
      }
      CollectionFacts facts = CollectionFacts.of(memberSnapshot, now, zone);
      if (!qualifies(facts, rules)) {
        continue;
      }
      if (memberSnapshot.openReferral().isPresent()) {
        skipped.merge(ALREADY_REFERRED, 1, Integer::sum);
        continue;
      }
      if (snapshot.onHold(member.id(), LocalDate.ofInstant(now, zone))) {
        skipped.merge(ClubSnapshot.ON_HOLD, 1, Integer::sum);
        continue;
      }
      CollectionCase referral = CollectionCase.of(member, facts, zone);
      referred.add(referral);
      rows.add(row(referral));
      total = total.plus(facts.amount());

      Map<String, String> inputs = new LinkedHashMap<>();
      inputs.put("amount", facts.amount().toString());
      inputs.put("attempts", Integer.toString(facts.attempts()));
      inputs.put("days_past_due", Long.toString(facts.daysPastDue()));
      actions.add(
          new Action(
              member.id(),
              new Effect.ReferToCollections(facts.amount(), facts.attempts()),
              RULE_THRESHOLDS,
              inputs));
      actions.add(
          new Action(
              member.id(),
              new Effect.AddNote(
                  NotePriority.URGENT,
                  NoteCategory.BILLING,
                  "REFERRED TO COLLECTIONS: "
                      + facts.amount().dollars()
                      + " past due since "
                      + facts.pastDueSince()
                      + ", "
                      + Plural.of(facts.attempts(), "attempt", "attempts")),
              RULE_THRESHOLDS,
              inputs));
    }

    if (!referred.isEmpty()) {
      String text =
          referred.size()
              + (referred.size() == 1 ? " member" : " members")
              + " referred to collections, "
              + total.dollars()
              + " in total: "
              + CollectionCase.namedInShort(referred)
              + ". The referral report is ready for the agency.";
      Map<String, String> inputs = new LinkedHashMap<>();
      inputs.put("members_referred", Integer.toString(referred.size()));
      inputs.put("total_referred", total.toString());
      actions.add(new Action(null, new Effect.NotifyManager(text), RULE_SUMMARY, inputs));
    }

    return new Plan(actions, ReferralSummary.of(actions, rows, today), skipped);
  }

  static boolean qualifies(CollectionFacts facts, ReferralRules rules) {
    return facts.attempts() >= rules.minAttempts()
        && facts.daysPastDue() >= rules.minDaysPastDue()
        && facts.amount().isAtLeast(rules.minAmount());
  }

  private static ReferralSummary.Referral row(CollectionCase referral) {
    Member member = referral.member();
    CollectionFacts facts = referral.facts();
    return new ReferralSummary.Referral(
        member.id().value(),
        member.fullName(),
        facts.amount(),
        facts.attempts(),
        member.phoneNumber().orElse(""),
        member.emailAddress().orElse(""),
        facts.pastDueSince(),
        referral.lastContact());
  }
}
