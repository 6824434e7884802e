package com.gymops.policy;

import com.gymops.domain.Member;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hourly door-access management (DESIGN §5): lock members past the grace period, lift payment locks
 * once the balance is paid. A lock set for any other reason is staff's to lift and is never
 * touched.
 *
 * <p>Members with an open collections referral are locked and unlocked like everyone else: the door
 * is about access to the club, not about collecting the debt, which the agency now owns.
 */
public final class DoorAccessPolicy implements WorkflowPolicy {
  public static final String LOCKED_TEMPLATE = "access_locked";
  public static final String RESTORED_TEMPLATE = "access_restored";
  public static final String WITHHELD = "lock withheld by breaker";

  @Override
  public Plan plan(ClubSnapshot snapshot, Clock clock) {
    Instant now = clock.instant();
    ZoneId zone = snapshot.club().zone();
    AccessRules rules = snapshot.policy().access();
    boolean lockAllowedNow = LockWindow.of(snapshot.policy()).permitsLockAt(now, zone);

    List<Action> locks = new ArrayList<>();
    List<Action> unlocks = new ArrayList<>();
    Map<String, Integer> skipped = new LinkedHashMap<>();
    int lockCount = 0;
    int unlockCount = 0;
    for (MemberSnapshot snapshotOfMember : snapshot.members()) {
      Member member = snapshotOfMember.member();
      CollectionFacts facts = CollectionFacts.of(snapshotOfMember, now, zone);
      if (mustLock(member, facts, rules)) {
        if (snapshot.onHold(member.id(), LocalDate.ofInstant(now, zone))) {
          skipped.merge(ClubSnapshot.ON_HOLD, 1, Integer::sum);
        } else if (lockAllowedNow) {
          addLock(locks, member, facts, rules);
          lockCount++;
        } else {
          skipped.merge(LockWindow.DEFERRED, 1, Integer::sum);
        }
      } else if (mayUnlock(member, rules)) {
        addUnlock(unlocks, member, facts);
        unlockCount++;
      }
    }

    List<Action> actions = new ArrayList<>();
    int withheld = 0;
    if (lockCount > rules.maxLocksPerRun()) {
      // A billing feed that suddenly shows everyone past due must not lock the whole club out: a
      // person confirms first. Unlocks are never risky and still go.
      withheld = lockCount;
      lockCount = 0;
      skipped.merge(WITHHELD, withheld, Integer::sum);
      actions.add(breakerNotice(withheld, rules.maxLocksPerRun()));
    } else {
      actions.addAll(locks);
    }
    actions.addAll(unlocks);

    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("members_locked", lockCount);
    summary.put("members_unlocked", unlockCount);
    summary.put("notifications_sent", lockCount + unlockCount);
    summary.put("locks_withheld_by_breaker", withheld);
    // Errors happen while executing the plan; the runner fills this in.
    summary.put("errors", 0);
    return new Plan(actions, summary, skipped);
  }

  static boolean mustLock(Member member, CollectionFacts facts, AccessRules rules) {
    return !member.door().isLocked()
        && member.pastDue().isAtLeast(rules.minPastDueAmount())
        && facts.daysPastDue() > rules.gracePeriodDays();
  }

  static boolean mayUnlock(Member member, AccessRules rules) {
    return member.door().isLockedForPayment()
        && !member.pastDue().isAtLeast(rules.minPastDueAmount());
  }

  private static void addLock(
      List<Action> actions, Member member, CollectionFacts facts, AccessRules rules) {
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("amount", facts.amount().toString());
    inputs.put("days_past_due", Long.toString(facts.daysPastDue()));
    inputs.put("grace_period_days", Integer.toString(rules.gracePeriodDays()));
    inputs.put("door", member.door().code());
    String rule = "door.lock";
    actions.add(new Action(member.id(), new Effect.LockDoor(), rule, inputs));
    actions.add(new Action(member.id(), new Effect.SendMessage(LOCKED_TEMPLATE), rule, inputs));
    actions.add(
        new Action(
            member.id(),
            new Effect.AddNote(
                NotePriority.NORMAL,
                NoteCategory.SERVICE,
                "Access locked - Past due $" + facts.amount()),
            rule,
            inputs));
  }

  private static void addUnlock(List<Action> actions, Member member, CollectionFacts facts) {
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("amount", facts.amount().toString());
    inputs.put("door", member.door().code());
    String rule = "door.unlock";
    actions.add(new Action(member.id(), new Effect.UnlockDoor(), rule, inputs));
    actions.add(new Action(member.id(), new Effect.SendMessage(RESTORED_TEMPLATE), rule, inputs));
    actions.add(
        new Action(
            member.id(),
            new Effect.AddNote(
                NotePriority.NORMAL, NoteCategory.SERVICE, "Access restored - Payment received"),
            rule,
            inputs));
  }

  private static Action breakerNotice(int wouldLock, int limit) {
    String text =
        "Door access: this run would lock "
            + wouldLock
            + " members, above the limit of "
            + limit
            + "; nothing was locked — confirm the past-due list is right, then lock by hand or"
            + " raise access.max_locks_per_run.";
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("would_lock", Integer.toString(wouldLock));
    inputs.put("max_locks_per_run", Integer.toString(limit));
    return new Action(null, new Effect.NotifyManager(text), "door.breaker", inputs);
  }
}
