package com.gymops.policy;

import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hourly past-due monitoring (DESIGN §5): one reminder of the right tier when the cadence allows,
 * and a door lock with an urgent note for the worst cases.
 *
 * <p>The lock takes the seed's stricter reading (amount AND attempts, counted before this run): a
 * physical lockout on a first large bill would be out of proportion. Members with an open referral
 * belong to the collections agency and are left alone.
 */
public final class PastDueMonitoringPolicy implements WorkflowPolicy {
  public static final String OPEN_REFERRAL = "open referral";

  @Override
  public Plan plan(ClubSnapshot snapshot, Clock clock) {
    Instant now = clock.instant();
    ZoneId zone = snapshot.club().zone();
    ClubPolicy policy = snapshot.policy();
    TierRule tierRule = new TierRule(policy.reminders());
    ReminderCadence cadence = new ReminderCadence(policy.messaging());
    boolean lockAllowedNow = LockWindow.of(policy).permitsLockAt(now, zone);

    List<Action> actions = new ArrayList<>();
    Map<String, Integer> skipped = new LinkedHashMap<>();
    Map<ReminderTier, Integer> remindersSent = new EnumMap<>(ReminderTier.class);
    for (ReminderTier tier : ReminderTier.values()) {
      remindersSent.put(tier, 0);
    }
    int processed = 0;
    int doorsLocked = 0;
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

      ReminderTier tier = tierRule.tierFor(facts.amount(), facts.attempts());
      Optional<String> blocked = cadence.blockingReason(facts, now);
      if (blocked.isPresent()) {
        skipped.merge(blocked.get(), 1, Integer::sum);
      } else {
        actions.add(
            new Action(id, new Effect.SendReminder(tier), "past-due.tier." + tier.code(), inputs));
        remindersSent.merge(tier, 1, Integer::sum);
      }

      if (meetsLockThresholds(facts, policy.reminders())) {
        urgentCases++;
        if (!member.member().door().isLocked()) {
          if (lockAllowedNow) {
            actions.add(new Action(id, new Effect.LockDoor(), "past-due.lock", inputs));
            actions.add(
                new Action(
                    id,
                    new Effect.AddNote(
                        NotePriority.URGENT,
                        NoteCategory.BILLING,
                        "Door locked: past due $"
                            + facts.amount()
                            + " after "
                            + facts.attempts()
                            + " reminders"),
                    "past-due.lock",
                    inputs));
            doorsLocked++;
          } else {
            skipped.merge(LockWindow.DEFERRED, 1, Integer::sum);
          }
        }
      }
    }

    Map<String, Integer> byTier = new LinkedHashMap<>();
    remindersSent.forEach((tier, count) -> byTier.put(tier.code(), count));
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("members_processed", processed);
    summary.put("reminders_sent", byTier);
    summary.put("doors_locked", doorsLocked);
    summary.put("total_past_due", totalPastDue.toBigDecimal());
    // Urgent cases are the members over both lock thresholds, whether locked in this run, already
    // locked, or waiting for the window: each one needs a person to look at it.
    summary.put("urgent_cases", urgentCases);
    return new Plan(actions, summary, skipped);
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
