package com.gymops.policy;

import com.gymops.domain.Approval;
import com.gymops.domain.Member;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import com.gymops.domain.Plural;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hourly door-access management (docs/WORKFLOWS.md): lock members past the grace period, lift
 * payment locks once the balance is paid. A lock set for any other reason is staff's to lift and is
 * never touched.
 *
 * <p>Staff (the club system's standing) are never locked or warned of a lock.
 *
 * <p>Members with an open collections referral are locked and unlocked like everyone else: the door
 * is about access to the club, not about collecting the debt, which the agency now owns.
 */
public final class DoorAccessPolicy implements WorkflowPolicy {
  public static final String LOCKED_TEMPLATE = "access_locked";
  public static final String RESTORED_TEMPLATE = "access_restored";
  public static final String WITHHELD = "lock withheld by breaker";
  public static final String RULE_LOCK = "door.lock";
  public static final String RULE_UNLOCK = "door.unlock";
  public static final String RULE_BREAKER = "door.breaker";
  public static final String WARNING_TEMPLATE = "lock_warning";
  public static final String WARN_RULE = "door.warn";

  /** The skip reason of a past-due member the club system counts as staff. */
  public static final String STAFF = "staff, never locked";

  /** How the warning names the lock day: short, plain ASCII (GSM-7), e.g. "Fri Dec 4". */
  private static final DateTimeFormatter LOCK_DATE =
      DateTimeFormatter.ofPattern("EEE MMM d", Locale.US);

  @Override
  public Plan plan(ClubSnapshot snapshot, Clock clock) {
    Instant now = clock.instant();
    ZoneId zone = snapshot.club().zone();
    AccessRules rules = snapshot.policy().access();
    boolean lockAllowedNow = LockWindow.of(snapshot.policy()).permitsLockAt(now, zone);
    MessageComposer composer = MessageComposer.of(snapshot, now);

    List<Action> locks = new ArrayList<>();
    List<Action> unlocks = new ArrayList<>();
    List<Action> warnings = new ArrayList<>();
    Map<String, Integer> skipped = new LinkedHashMap<>();
    int lockCount = 0;
    for (MemberSnapshot snapshotOfMember : snapshot.members()) {
      Member member = snapshotOfMember.member();
      CollectionFacts facts = CollectionFacts.of(snapshotOfMember, now, zone);
      if (snapshotOfMember.staff() && !member.door().isLocked()) {
        // The club system's own rule (ClubHub's bans): a staff member's door is never locked for
        // a balance, so no lock and no warning of one; a lock set earlier still opens when paid.
        if (member.pastDue().isAtLeast(rules.minPastDueAmount())) {
          skipped.merge(STAFF, 1, Integer::sum);
        }
      } else if (mustLock(member, facts, rules)) {
        if (snapshot.onHold(member.id(), LocalDate.ofInstant(now, zone))) {
          skipped.merge(ClubSnapshot.ON_HOLD, 1, Integer::sum);
        } else if (lockAllowedNow) {
          addLock(locks, member, facts, rules, composer);
          lockCount++;
        } else {
          skipped.merge(LockWindow.DEFERRED, 1, Integer::sum);
        }
      } else if (mayUnlock(member, rules)) {
        addUnlock(unlocks, member, facts, composer);
      } else if (mustWarn(member, facts, rules)
          && !snapshot.onHold(member.id(), LocalDate.ofInstant(now, zone))) {
        warnings.add(warning(member, facts, rules, composer));
      }
    }

    List<Action> actions = new ArrayList<>();
    List<Plan.Withheld> approvals = new ArrayList<>();
    int withheld = 0;
    if (lockCount > rules.maxLocksPerRun()) {
      // A billing feed that suddenly shows everyone past due must not lock the whole club out: a
      // person confirms first. Unlocks are never risky and still go.
      withheld = lockCount;
      skipped.merge(WITHHELD, withheld, Integer::sum);
      actions.add(breakerNotice(withheld, rules.maxLocksPerRun()));
      approvals.add(
          new Plan.Withheld(
              Approval.Kind.LOCKS_OVER_LIMIT,
              "lock "
                  + Plural.of(withheld, "member", "members")
                  + ", above access.max_locks_per_run "
                  + rules.maxLocksPerRun(),
              locks));
    } else {
      actions.addAll(locks);
    }
    actions.addAll(unlocks);
    actions.addAll(warnings);

    return new Plan(actions, DoorAccessSummary.of(actions, withheld, 0), skipped, approvals);
  }

  static boolean mustLock(Member member, CollectionFacts facts, AccessRules rules) {
    return !member.door().isLocked()
        && member.pastDue().isAtLeast(rules.minPastDueAmount())
        && facts.daysPastDue() > rules.gracePeriodDays();
  }

  /**
   * Whether the member's lock comes within the warning days: still in grace, but with {@code
   * warnDaysBeforeLock} or fewer days to go. The executor keys the warning to the delinquency, so
   * the hourly runs of those days text it once.
   */
  static boolean mustWarn(Member member, CollectionFacts facts, AccessRules rules) {
    return rules.warnDaysBeforeLock() > 0
        && !member.door().isLocked()
        && member.pastDue().isAtLeast(rules.minPastDueAmount())
        && facts.daysPastDue() <= rules.gracePeriodDays()
        && facts.daysPastDue() + rules.warnDaysBeforeLock() > rules.gracePeriodDays();
  }

  /** The first club-local day the member may be locked: the day after the grace period. */
  static LocalDate lockDate(Member member, AccessRules rules) {
    return member.pastDueSince().plusDays(rules.gracePeriodDays() + 1L);
  }

  private static Action warning(
      Member member, CollectionFacts facts, AccessRules rules, MessageComposer composer) {
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("amount", facts.amount().toString());
    inputs.put("days_past_due", Long.toString(facts.daysPastDue()));
    inputs.put("grace_period_days", Integer.toString(rules.gracePeriodDays()));
    String lockDate = LOCK_DATE.format(lockDate(member, rules));
    inputs.put("lock_date", lockDate);
    PlannedMessage message =
        composer.toMember(member, WARNING_TEMPLATE, Map.of("lock_date", lockDate)).orElse(null);
    return new Action(
        member.id(), new Effect.SendMessage(WARNING_TEMPLATE, message), WARN_RULE, inputs);
  }

  static boolean mayUnlock(Member member, AccessRules rules) {
    return member.door().isLockedForPayment()
        && !member.pastDue().isAtLeast(rules.minPastDueAmount());
  }

  private static void addLock(
      List<Action> actions,
      Member member,
      CollectionFacts facts,
      AccessRules rules,
      MessageComposer composer) {
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("amount", facts.amount().toString());
    inputs.put("days_past_due", Long.toString(facts.daysPastDue()));
    inputs.put("grace_period_days", Integer.toString(rules.gracePeriodDays()));
    inputs.put("door", member.door().code());
    String rule = RULE_LOCK;
    actions.add(new Action(member.id(), new Effect.LockDoor(), rule, inputs));
    actions.add(
        new Action(
            member.id(),
            new Effect.SendMessage(
                LOCKED_TEMPLATE, composer.toMember(member, LOCKED_TEMPLATE).orElse(null)),
            rule,
            inputs));
    actions.add(
        new Action(
            member.id(),
            new Effect.AddNote(
                NotePriority.NORMAL,
                NoteCategory.SERVICE,
                "Access locked - Past due " + facts.amount().dollars()),
            rule,
            inputs));
  }

  private static void addUnlock(
      List<Action> actions, Member member, CollectionFacts facts, MessageComposer composer) {
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("amount", facts.amount().toString());
    inputs.put("door", member.door().code());
    String rule = RULE_UNLOCK;
    actions.add(new Action(member.id(), new Effect.UnlockDoor(), rule, inputs));
    actions.add(
        new Action(
            member.id(),
            new Effect.SendMessage(
                RESTORED_TEMPLATE, composer.toMember(member, RESTORED_TEMPLATE).orElse(null)),
            rule,
            inputs));
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
            + Plural.of(wouldLock, "member", "members")
            + ", above the limit of "
            + limit
            + "; nothing was locked — confirm the past-due list is right, then approve the locks"
            + " (gymops approvals) or raise access.max_locks_per_run.";
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("would_lock", Integer.toString(wouldLock));
    inputs.put("max_locks_per_run", Integer.toString(limit));
    return new Action(null, new Effect.NotifyManager(text), RULE_BREAKER, inputs);
  }
}
