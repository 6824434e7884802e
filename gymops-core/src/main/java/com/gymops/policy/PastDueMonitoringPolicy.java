package com.gymops.policy;

import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
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
import java.util.Optional;

/**
 * Hourly past-due monitoring (docs/WORKFLOWS.md): one reminder of the right tier when the cadence
 * allows, and a door lock with an urgent note for the worst cases.
 *
 * <p>The lock takes the specification's stricter reading (amount AND attempts, counted before this
 * run): a physical lockout on a first large bill would be out of proportion. Members with an open
 * referral belong to the collections agency and are left alone.
 */
public final class PastDueMonitoringPolicy implements WorkflowPolicy {
  public static final String OPEN_REFERRAL = "open referral";
  public static final String LOCK_DUE = "lock waits for the window: no reminder before it";
  public static final String REFERRAL_TODAY = "referred to collections today";
  public static final String LOCK_TEXT_SENT = "lock text within the reminder interval";
  public static final String RULE_TIER_PREFIX = "past-due.tier.";
  public static final String RULE_LOCK = "past-due.lock";

  @Override
  public Plan plan(ClubSnapshot snapshot, Clock clock) {
    Instant now = clock.instant();
    ZoneId zone = snapshot.club().zone();
    ClubPolicy policy = snapshot.policy();
    TierRule tierRule = new TierRule(policy.reminders());
    ReminderCadence cadence = new ReminderCadence(policy.messaging());
    boolean lockAllowedNow = LockWindow.of(policy).permitsLockAt(now, zone);
    LocalDate today = LocalDate.ofInstant(now, zone);
    MessageComposer composer = MessageComposer.of(snapshot, now);

    List<Action> actions = new ArrayList<>();
    Map<String, Integer> skipped = new LinkedHashMap<>();
    int processed = 0;
    int urgentCases = 0;
    Money totalPastDue = Money.ZERO;

    for (MemberSnapshot member : snapshot.members()) {
      if (!member.member().isPastDue()) {
        continue;
      }
      if (member.openReferral().isPresent()) {
        skipped.merge(OPEN_REFERRAL, 1, Integer::sum);
        continue;
      }
      if (snapshot.onHold(member.member().id(), LocalDate.ofInstant(now, zone))) {
        skipped.merge(ClubSnapshot.ON_HOLD, 1, Integer::sum);
        continue;
      }
      processed++;
      CollectionFacts facts = CollectionFacts.of(member, now, zone);
      totalPastDue = totalPastDue.plus(facts.amount());
      MemberId id = member.member().id();
      Map<String, String> inputs = inputs(facts);

      Member person = member.member();
      ReminderTier tier = tierRule.tierFor(facts.amount(), facts.attempts());
      Optional<String> blocked =
          referredToday(facts, today, policy.referral())
              ? Optional.of(REFERRAL_TODAY)
              : cadence.blockingReason(facts, now);
      if (blocked.isEmpty() && lockTextWithin(member, now, policy.messaging())) {
        blocked = Optional.of(LOCK_TEXT_SENT);
      }
      if (blocked.isEmpty() && snapshot.awaitsProviderRetry(id, now)) {
        // The provider will try the card again: a reminder before that try asks the member to
        // pay what may be paid without them (payments.wait_for_provider_retry).
        blocked = Optional.of(ClubSnapshot.PROVIDER_RETRY);
      }
      boolean lockDue = false;
      if (meetsLockThresholds(facts, policy.reminders())) {
        urgentCases++;
        if (!person.door().isLocked()) {
          lockDue = true;
          if (lockAllowedNow) {
            addLock(actions, person, facts, inputs, composer, blocked.isEmpty() ? tier : null);
          } else {
            skipped.merge(LockWindow.DEFERRED, 1, Integer::sum);
            // A final notice overnight would promise an access the morning's lock takes away.
            blocked = Optional.of(LOCK_DUE);
          }
        }
      }
      if (blocked.isPresent()) {
        skipped.merge(blocked.get(), 1, Integer::sum);
      } else if (!lockDue) {
        String template = reminderTemplate(tier, person);
        actions.add(
            new Action(
                id,
                new Effect.SendReminder(tier, composer.toMember(person, template).orElse(null)),
                RULE_TIER_PREFIX + tier.code(),
                inputs));
      }
    }

    return new Plan(
        actions, PastDueSummary.of(processed, totalPastDue, urgentCases, actions), skipped);
  }

  /**
   * The text of a reminder fits the member's door: one locked for payment is told how to get back
   * in, never to pay "to keep your gym access".
   */
  static String reminderTemplate(ReminderTier tier, Member member) {
    if (member.door().isLockedForPayment()) {
      return MessageTemplates.REMINDER_LOCKED;
    }
    return switch (tier) {
      case FRIENDLY -> MessageTemplates.REMINDER_FRIENDLY;
      case FIRM -> MessageTemplates.REMINDER_FIRM;
      case FINAL -> MessageTemplates.REMINDER_FINAL;
    };
  }

  /**
   * Whether today is a referral day and the member meets its thresholds: the agency takes over
   * today, so a reminder from the club that morning would only contradict it.
   */
  static boolean referredToday(CollectionFacts facts, LocalDate today, ReferralRules rules) {
    return Fortnight.of(rules).isReferralDay(today)
        && CollectionsReferralPolicy.qualifies(facts, rules);
  }

  /**
   * The lock, the same "access locked" text as door-access and the urgent note, all under the
   * lock's rule: keyed to the lock (once per delinquency) and held back by the ledger if the door
   * system fails. When the cadence allows a reminder ({@code reminderTier} not null), the text is
   * that reminder, a collection attempt like any other, so the member gets one message about the
   * lock, not a final notice beside it; otherwise it is a plain service message.
   */
  private static void addLock(
      List<Action> actions,
      Member member,
      CollectionFacts facts,
      Map<String, String> inputs,
      MessageComposer composer,
      ReminderTier reminderTier) {
    PlannedMessage locked = composer.toMember(member, MessageTemplates.ACCESS_LOCKED).orElse(null);
    actions.add(new Action(member.id(), new Effect.LockDoor(), RULE_LOCK, inputs));
    actions.add(
        new Action(
            member.id(),
            reminderTier == null
                ? new Effect.SendMessage(MessageTemplates.ACCESS_LOCKED, locked)
                : new Effect.SendReminder(reminderTier, locked),
            RULE_LOCK,
            inputs));
    actions.add(
        new Action(
            member.id(),
            new Effect.AddNote(
                NotePriority.URGENT,
                NoteCategory.BILLING,
                "Door locked: past due "
                    + facts.amount().dollars()
                    + " after "
                    + Plural.of(facts.attempts(), "reminder", "reminders")),
            RULE_LOCK,
            inputs));
  }

  /**
   * Whether the member's lock text went within the reminder interval: it names the amount and how
   * to pay, so it stands for the reminder, and a door-access lock earlier in the hour is not
   * followed by a near-identical "your door access is locked" reminder (docs/WORKFLOWS.md).
   */
  static boolean lockTextWithin(MemberSnapshot member, Instant now, MessagingRules rules) {
    Instant intervalStart = now.minus(rules.reminderInterval());
    return member.lastLockText().filter(intervalStart::isBefore).isPresent();
  }

  static boolean meetsLockThresholds(CollectionFacts facts, ReminderRules rules) {
    return facts.amount().isAtLeast(rules.lockAmount()) && facts.attempts() >= rules.lockAttempts();
  }

  private static Map<String, String> inputs(CollectionFacts facts) {
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("amount", facts.amount().toString());
    inputs.put("attempts", Integer.toString(facts.attempts()));
    inputs.put("days_past_due", Long.toString(facts.daysPastDue()));
    inputs.put("last_reminder", facts.lastReminder().map(Instant::toString).orElse("none"));
    inputs.put("messages_7d", Integer.toString(facts.collectionMessages7d()));
    return inputs;
  }
}
