package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.application.run.Outcome;
import com.gymops.application.run.PlanLedger.Entry;
import com.gymops.application.run.PlanLedger.Status;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.AccessRules;
import com.gymops.policy.DoorAccessPolicy;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code auto_manage_access_by_payment_status}: every planned lock and unlock of the run, each with
 * its message and note. Thresholds are the club's: a call with others is refused rather than run
 * with rules nobody configured.
 */
final class AutoManageAccess extends CatalogTool {
  static final int MEMBERS_LISTED = 200;

  AutoManageAccess() {
    super(
        "auto_manage_access_by_payment_status",
        "Applies the door-access rules to the whole club in one call: locks every member the"
            + " policy planned to lock (balance at least min_past_due_amount and more than"
            + " grace_period_days past due, inside the sending window) and unlocks every payment"
            + " lock whose balance is paid, and for each sends the member's 'access suspended' or"
            + " 'access restored' text and adds the service note. So do not call"
            + " send_message_to_member or add_member_note for those members afterwards. Held"
            + " members are skipped. min_past_due_amount and grace_period_days must equal the"
            + " club's settings, or the call is refused. If the breaker withheld the locks (too"
            + " many at once), none are made: tell the manager with notify_manager. Returns the"
            + " members locked and unlocked (first "
            + MEMBERS_LISTED
            + " of each) and counts by outcome.",
        InputSchema.object()
            .number("min_past_due_amount", "The club's lock threshold in dollars.", 0, true)
            .integer("grace_period_days", "The club's grace period in days.", 0, 365, true),
        Set.of(WorkflowId.DOOR_ACCESS),
        true);
  }

  @Override
  ToolResult run(JsonNode input, ToolSession session) {
    AccessRules rules = session.context().policy().access();
    BigDecimal amount = input.get("min_past_due_amount").decimalValue();
    int grace = input.get("grace_period_days").asInt();
    Money clubAmount = rules.minPastDueAmount();
    if (amount.compareTo(clubAmount.toBigDecimal()) != 0 || grace != rules.gracePeriodDays()) {
      return session.refuse(
          name(),
          null,
          "not permitted by the policy: the club's door rules are min_past_due_amount "
              + clubAmount
              + " and grace_period_days "
              + rules.gracePeriodDays()
              + "; got "
              + amount.toPlainString()
              + " and "
              + grace);
    }
    Set<MemberId> locking = new LinkedHashSet<>();
    Set<MemberId> unlocking = new LinkedHashSet<>();
    for (Entry entry : session.ledger().entries()) {
      if (entry.status() != Status.PENDING || entry.action().member() == null) {
        continue;
      }
      if (entry.action().name().equals("lock_door")) {
        locking.add(entry.action().member());
      } else if (entry.action().name().equals("unlock_door")) {
        unlocking.add(entry.action().member());
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    ObjectNode content = object();
    content.set("locked", apply(session, locking, counts));
    content.set("unlocked", apply(session, unlocking, counts));
    content.put("members_locked", locking.size());
    content.put("members_unlocked", unlocking.size());
    content.put(
        "locks_withheld_by_breaker",
        session.plan().skipped().getOrDefault(DoorAccessPolicy.WITHHELD, 0));
    ObjectNode byOutcome = content.putObject("outcomes");
    counts.forEach(byOutcome::put);
    return ToolResult.ok(content);
  }

  /** Executes every pending action of these members: the door change, its text and its note. */
  private static ArrayNode apply(
      ToolSession session, Set<MemberId> members, Map<String, Integer> counts) {
    ArrayNode listed = object().arrayNode();
    for (MemberId member : members) {
      for (Entry entry : session.ledger().plannedFor(member)) {
        if (entry.status() == Status.PENDING) {
          Outcome outcome = session.ledger().execute(entry);
          counts.merge(outcome.kind().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
      }
      if (listed.size() < MEMBERS_LISTED) {
        listed.add(member.value());
      }
    }
    return listed;
  }
}
