package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.domain.Money;
import com.gymops.policy.MemberSnapshot;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/** {@code get_past_due_members}: the past-due members this run sees, largest balance first. */
final class GetPastDueMembers extends CatalogTool {
  GetPastDueMembers() {
    super(
        "get_past_due_members",
        "Lists the club's members with a past-due balance of at least min_amount, largest balance"
            + " first, as this run sees them: member_id, name, amount, past_due_since,"
            + " days_past_due, attempts (reminders in the current delinquency that did not fail),"
            + " door (ACTIVE, LOCKED_PAYMENT, LOCKED_OTHER) and open_referral. Use it to see who"
            + " is behind; use review_plan to see what the policy will do about them. At most 200"
            + " members per call: page with offset and limit; total and next_offset say what is"
            + " left. Read-only.",
        InputSchema.object()
            .number("min_amount", "Smallest balance to list, in dollars; default 0.01.", 0, false)
            .paging(),
        ALL_WORKFLOWS,
        false);
  }

  @Override
  ToolResult run(JsonNode input, ToolSession session) {
    Money minimum =
        input.hasNonNull("min_amount")
            ? Money.ofCents(
                input
                    .get("min_amount")
                    .decimalValue()
                    .movePointRight(2)
                    .setScale(0, RoundingMode.CEILING)
                    .longValueExact())
            : Money.ofCents(1);
    Money floor = minimum.isPositive() ? minimum : Money.ofCents(1);
    List<MemberSnapshot> members =
        session.members().stream()
            .filter(m -> m.member().pastDue().isAtLeast(floor))
            .sorted(
                Comparator.comparing((MemberSnapshot m) -> m.member().pastDue())
                    .reversed()
                    .thenComparing(m -> m.member().id().value()))
            .toList();
    Money total = members.stream().map(m -> m.member().pastDue()).reduce(Money.ZERO, Money::plus);
    ObjectNode page =
        Paging.of(input).page(members, "members", m -> MemberRows.collection(m, session.facts(m)));
    page.put("min_amount", floor.toBigDecimal());
    page.put("total_amount", total.toBigDecimal());
    return ToolResult.ok(page);
  }
}
