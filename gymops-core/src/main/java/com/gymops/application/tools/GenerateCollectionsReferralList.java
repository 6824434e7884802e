package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.application.run.PlanLedger.Entry;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.CollectionFacts;
import com.gymops.policy.MemberSnapshot;
import com.gymops.policy.ReferralRules;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code generate_collections_referral_list}: who qualifies for the agency. Thresholds looser than
 * the club's never widen the list: the list is the policy's, narrowed by stricter thresholds.
 */
final class GenerateCollectionsReferralList extends CatalogTool {
  GenerateCollectionsReferralList() {
    super(
        "generate_collections_referral_list",
        "Lists the members who qualify for referral to the collections agency in this run:"
            + " enough reminders, long enough past due, a large enough balance, and no open"
            + " referral. Thresholds default to the club's rules (3 attempts, 14 days, $50 unless"
            + " configured otherwise); stricter ones narrow the list, looser ones are reported"
            + " and ignored, because only the policy's referrals may be made. Each row: member_id,"
            + " name, amount, past_due_since, days_past_due, attempts, door, phone, email."
            + " Read-only: refer each with refer_to_collections and note it with add_member_note,"
            + " or call execute_plan. At most 200 per call: page with offset and limit.",
        InputSchema.object()
            .integer("min_attempts", "Fewest reminders; default the club's.", 0, 1000, false)
            .integer(
                "min_days_past_due", "Fewest days past due; default the club's.", 0, 10000, false)
            .number("min_amount", "Smallest balance in dollars; default the club's.", 0, false)
            .paging(),
        Set.of(WorkflowId.COLLECTIONS_REFERRAL),
        false);
  }

  @Override
  ToolResult run(JsonNode input, ToolSession session) {
    ReferralRules club = session.context().policy().referral();
    int minAttempts =
        input.hasNonNull("min_attempts") ? input.get("min_attempts").asInt() : club.minAttempts();
    int minDays =
        input.hasNonNull("min_days_past_due")
            ? input.get("min_days_past_due").asInt()
            : club.minDaysPastDue();
    Money minAmount =
        input.hasNonNull("min_amount")
            ? Money.ofCents(
                input
                    .get("min_amount")
                    .decimalValue()
                    .movePointRight(2)
                    .setScale(0, RoundingMode.CEILING)
                    .longValueExact())
            : club.minAmount();
    List<String> looser = new ArrayList<>();
    if (minAttempts < club.minAttempts()) {
      looser.add("min_attempts " + minAttempts + " < " + club.minAttempts());
    }
    if (minDays < club.minDaysPastDue()) {
      looser.add("min_days_past_due " + minDays + " < " + club.minDaysPastDue());
    }
    if (!minAmount.isAtLeast(club.minAmount())) {
      looser.add("min_amount " + minAmount + " < " + club.minAmount());
    }
    List<MemberSnapshot> qualifying = new ArrayList<>();
    for (Entry entry : session.ledger().entries()) {
      MemberId id = entry.action().member();
      if (id == null || !entry.action().name().equals("refer_to_collections")) {
        continue;
      }
      MemberSnapshot member = session.member(id).orElseThrow();
      CollectionFacts facts = session.facts(member);
      if (facts.attempts() >= minAttempts
          && facts.daysPastDue() >= minDays
          && facts.amount().isAtLeast(minAmount)) {
        qualifying.add(member);
      }
    }
    ObjectNode content =
        Paging.of(input)
            .page(
                qualifying,
                "members",
                m -> {
                  Member member = m.member();
                  ObjectNode row = MemberRows.collection(m, session.facts(m));
                  row.put("phone", member.phone());
                  row.put("email", member.email());
                  return row;
                });
    content.put(
        "total_amount",
        qualifying.stream()
            .map(m -> m.member().pastDue())
            .filter(Objects::nonNull)
            .reduce(Money.ZERO, Money::plus)
            .toBigDecimal());
    ObjectNode rules = content.putObject("club_rules");
    rules.put("min_attempts", club.minAttempts());
    rules.put("min_days_past_due", club.minDaysPastDue());
    rules.put("min_amount", club.minAmount().toBigDecimal());
    if (!looser.isEmpty()) {
      content.put(
          "note",
          "requested thresholds are looser than the club's rules ("
              + String.join(", ", looser)
              + "); only the members the policy plans to refer are listed");
    }
    return ToolResult.ok(content);
  }
}
