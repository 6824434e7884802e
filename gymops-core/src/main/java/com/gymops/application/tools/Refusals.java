package com.gymops.application.tools;

import com.gymops.application.run.PlanLedger.Entry;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.AccessRules;
import com.gymops.policy.CollectionFacts;
import com.gymops.policy.DoorAccessPolicy;
import com.gymops.policy.Effect;
import com.gymops.policy.LockWindow;
import com.gymops.policy.MemberSnapshot;
import com.gymops.policy.MessagingRules;
import com.gymops.policy.ReminderCadence;
import com.gymops.policy.ReminderRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why the policy did not plan what a tool call asks for, in the policy's own figures ("2 attempts,
 * lock needs 4"), so the model learns the rule rather than retrying.
 */
final class Refusals {
  private Refusals() {}

  static String reminder(ToolSession session, MemberId id, String tier) {
    Optional<Entry> planned =
        session.ledger().plannedFor(id).stream()
            .filter(e -> e.action().effect() instanceof Effect.SendReminder)
            .findFirst();
    if (planned.isPresent()) {
      return "the policy plans a "
          + planned.get().action().detail()
          + " reminder for "
          + id
          + ", not "
          + tier
          + " ("
          + planned.get().action().inputs().get("amount")
          + " past due, "
          + planned.get().action().inputs().get("attempts")
          + " attempts)";
    }
    Optional<MemberSnapshot> member = session.member(id);
    if (member.isEmpty() || !member.get().member().isPastDue()) {
      return id + " has no past-due balance in this run";
    }
    if (member.get().openReferral().isPresent()) {
      return id + " has an open collections referral; the agency owns the debt";
    }
    CollectionFacts facts = session.facts(member.get());
    MessagingRules rules = session.context().policy().messaging();
    Optional<String> blocked =
        new ReminderCadence(rules).blockingReason(facts, session.context().now());
    if (blocked.filter(ReminderCadence.TOO_SOON::equals).isPresent()) {
      return "no reminder is planned for "
          + id
          + ": the last reminder was at "
          + facts.lastReminder().orElseThrow()
          + " and reminders go at least "
          + rules.reminderInterval().toHours()
          + " h apart";
    }
    if (blocked.isPresent()) {
      return "no reminder is planned for "
          + id
          + ": "
          + facts.collectionMessages7d()
          + " collection messages in the last 7 days, the cap is "
          + rules.maxCollectionMessagesPer7Days();
    }
    return "no reminder is planned for " + id + " in this run";
  }

  static String lock(ToolSession session, MemberId id) {
    Optional<MemberSnapshot> member = session.member(id);
    if (member.isEmpty()) {
      return id + " is not among the members this run looked at (past due or locked)";
    }
    if (member.get().member().door().isLocked()) {
      return "no lock is planned for "
          + id
          + ": the door is already "
          + member.get().member().door().code();
    }
    CollectionFacts facts = session.facts(member.get());
    List<String> shortfalls = new ArrayList<>();
    if (session.workflow() == WorkflowId.PAST_DUE_MONITORING) {
      ReminderRules rules = session.context().policy().reminders();
      if (facts.attempts() < rules.lockAttempts()) {
        shortfalls.add(facts.attempts() + " attempts, lock needs " + rules.lockAttempts());
      }
      if (!facts.amount().isAtLeast(rules.lockAmount())) {
        shortfalls.add(
            facts.amount().dollars() + " past due, lock needs " + rules.lockAmount().dollars());
      }
    } else {
      AccessRules rules = session.context().policy().access();
      if (!facts.amount().isAtLeast(rules.minPastDueAmount())) {
        shortfalls.add(
            facts.amount().dollars()
                + " past due, lock needs "
                + rules.minPastDueAmount().dollars());
      }
      if (facts.daysPastDue() <= rules.gracePeriodDays()) {
        shortfalls.add(
            facts.daysPastDue()
                + " days past due, within the grace period of "
                + rules.gracePeriodDays()
                + " days");
      }
    }
    if (!shortfalls.isEmpty()) {
      return "no lock is planned for " + id + ": " + String.join("; ", shortfalls);
    }
    if (session.plan().skipped().containsKey(DoorAccessPolicy.WITHHELD)) {
      return "no lock is planned for "
          + id
          + ": the breaker withheld every lock of this run; the manager confirms first";
    }
    if (session.plan().skipped().containsKey(LockWindow.DEFERRED)) {
      return "no lock is planned for "
          + id
          + ": locks wait for the sending window so the member is told when it happens";
    }
    if (member.get().openReferral().isPresent()) {
      return id + " has an open collections referral; the agency owns the debt";
    }
    return "no lock is planned for " + id + " in this run";
  }

  static String unlock(ToolSession session, MemberId id) {
    Optional<MemberSnapshot> member = session.member(id);
    if (member.isEmpty()) {
      return id + " is not among the members this run looked at (past due or locked)";
    }
    var door = member.get().member().door();
    if (!door.isLocked()) {
      return "no unlock is planned for " + id + ": the door is not locked";
    }
    if (!door.isLockedForPayment()) {
      return "no unlock is planned for "
          + id
          + ": the door is "
          + door.code()
          + ", a lock set by staff that GymOps never lifts";
    }
    return "no unlock is planned for "
        + id
        + ": "
        + member.get().member().pastDue().dollars()
        + " is still past due (unlock below "
        + session.context().policy().access().minPastDueAmount().dollars()
        + ")";
  }

  /** For tools whose refusal is simply what the plan holds for the member. */
  static String generic(ToolSession session, MemberId id, String what) {
    List<Entry> planned = session.ledger().plannedFor(id);
    if (planned.isEmpty()) {
      return "no " + what + " is planned for " + (id == null ? "the club" : id) + " in this run";
    }
    return "no "
        + what
        + " is planned for "
        + (id == null ? "the club" : id)
        + "; the plan has: "
        + String.join(", ", planned.stream().map(e -> ToolSession.describe(e.action())).toList());
  }
}
