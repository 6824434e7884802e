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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Daily collections escalation (docs/WORKFLOWS.md): an urgent note on each case, one manager text
 * for all of them, and a report with the cases and what to do about them. Members with an open
 * referral belong to the agency and are not escalated.
 */
public final class CollectionsEscalationPolicy implements WorkflowPolicy {
  public static final String RULE_CASE = "escalation.case";
  public static final String RULE_SUMMARY = "escalation.summary";
  public static final String OPEN_REFERRAL = "open referral";
  public static final String RECENTLY_NOTED = "noted within renote days";

  @Override
  public Plan plan(ClubSnapshot snapshot, Clock clock) {
    Instant now = clock.instant();
    ZoneId zone = snapshot.club().zone();
    LocalDate today = LocalDate.ofInstant(now, zone);
    EscalationRules rules = snapshot.policy().escalation();
    EscalationRule rule = new EscalationRule(rules);

    List<Action> actions = new ArrayList<>();
    Map<String, Integer> skipped = new LinkedHashMap<>();
    List<CollectionCase> cases = new ArrayList<>();
    List<EscalationSummary.Case> caseRows = new ArrayList<>();
    Set<EscalationReason> allReasons = EnumSet.noneOf(EscalationReason.class);
    Money totalAtRisk = Money.ZERO;

    for (MemberSnapshot memberSnapshot : snapshot.members()) {
      Member member = memberSnapshot.member();
      if (!member.pastDue().isAtLeast(rules.minAmount())) {
        continue;
      }
      if (memberSnapshot.openReferral().isPresent()) {
        skipped.merge(OPEN_REFERRAL, 1, Integer::sum);
        continue;
      }
      if (snapshot.onHold(member.id(), LocalDate.ofInstant(now, zone))) {
        skipped.merge(ClubSnapshot.ON_HOLD, 1, Integer::sum);
        continue;
      }
      CollectionFacts facts = CollectionFacts.of(memberSnapshot, now, zone);
      Set<EscalationReason> reasons = rule.reasonsFor(facts);
      if (reasons.isEmpty()) {
        continue;
      }
      CollectionCase escalationCase = CollectionCase.of(member, facts, zone);
      cases.add(escalationCase);
      caseRows.add(caseRow(escalationCase, reasons));
      allReasons.addAll(reasons);
      totalAtRisk = totalAtRisk.plus(facts.amount());

      if (rule.needsNote(reasons, memberSnapshot.lastEscalation(), today)) {
        actions.add(
            new Action(
                member.id(),
                new Effect.AddNote(
                    NotePriority.URGENT,
                    NoteCategory.BILLING,
                    noteText(escalationCase, reasons, rules),
                    reasons),
                RULE_CASE,
                inputs(facts, reasons, memberSnapshot)));
      } else {
        skipped.merge(RECENTLY_NOTED, 1, Integer::sum);
      }
    }

    if (!cases.isEmpty()) {
      // The manager hears about every case each day, noted today or not: the text is the daily
      // picture of what is at risk, the notes are what must not pile up.
      String text =
          cases.size()
              + (cases.size() == 1 ? " escalation case, " : " escalation cases, ")
              + totalAtRisk.dollars()
              + " at risk: "
              + CollectionCase.namedInShort(cases)
              + ". Details in the escalation report.";
      Map<String, String> inputs = new LinkedHashMap<>();
      inputs.put("escalation_cases", Integer.toString(cases.size()));
      inputs.put("total_at_risk", totalAtRisk.toString());
      actions.add(new Action(null, new Effect.NotifyManager(text), RULE_SUMMARY, inputs));
    }

    EscalationSummary summary =
        new EscalationSummary(
            caseRows,
            totalAtRisk,
            allReasons.stream().map(EscalationReason::recommendedAction).toList());
    return new Plan(actions, summary, skipped);
  }

  private static String noteText(
      CollectionCase escalationCase, Set<EscalationReason> reasons, EscalationRules rules) {
    CollectionFacts facts = escalationCase.facts();
    String words =
        reasons.stream()
            .map(reason -> reason.describe(facts, rules))
            .collect(Collectors.joining("; "));
    return "ESCALATION: "
        + words
        + " — "
        + escalationCase.member().fullName()
        + ", past due "
        + facts.amount().dollars()
        + ", "
        + Plural.of(facts.attempts30d(), "attempt", "attempts")
        + ", last contact "
        + escalationCase.lastContact();
  }

  private static EscalationSummary.Case caseRow(
      CollectionCase escalationCase, Set<EscalationReason> reasons) {
    CollectionFacts facts = escalationCase.facts();
    return new EscalationSummary.Case(
        escalationCase.member().id().value(),
        escalationCase.member().fullName(),
        facts.amount(),
        facts.attempts30d(),
        facts.daysPastDue(),
        codes(reasons),
        escalationCase.lastContact());
  }

  private static Map<String, String> inputs(
      CollectionFacts facts, Set<EscalationReason> reasons, MemberSnapshot memberSnapshot) {
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("amount", facts.amount().toString());
    inputs.put("attempts_30d", Integer.toString(facts.attempts30d()));
    inputs.put("days_past_due", Long.toString(facts.daysPastDue()));
    inputs.put("failed_reminders_30d", Integer.toString(facts.failedReminders30d()));
    inputs.put("reasons", String.join(",", codes(reasons)));
    inputs.put(
        "last_escalation",
        memberSnapshot.lastEscalation().map(e -> e.on().toString()).orElse("none"));
    return inputs;
  }

  private static List<String> codes(Set<EscalationReason> reasons) {
    return reasons.stream().map(EscalationReason::code).toList();
  }
}
