package com.gymops.application.run;

import com.gymops.domain.ClubId;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.policy.Action;
import com.gymops.policy.DoorAccessPolicy;
import com.gymops.policy.Effect;
import com.gymops.policy.PastDueMonitoringPolicy;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Every idempotency key of an effect, and of the rows that follow from one (a text's collection
 * attempt, a note's escalation), made here and nowhere else: a key decides whether a rerun, a retry
 * or a second process does an effect again, so two places spelling one key differently would do it
 * twice. Pure: the same action, member and run always give the same key.
 */
public final class EffectKeys {
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

  /** The rules whose actions (lock, message, note) belong to one payment lock. */
  private static final Set<String> LOCK_RULES =
      Set.of(DoorAccessPolicy.RULE_LOCK, PastDueMonitoringPolicy.RULE_LOCK);

  private EffectKeys() {}

  /** The key of the action's effect for {@code member} (null for club-level actions). */
  public static String of(Action action, Member member, RunContext run) {
    return of(action, member, run, null);
  }

  /**
   * The key of the action's effect, with {@code planKey} (when not null) instead of the plan's key
   * (workflow, club, period, member, action): for an effect outside the plan that must not take a
   * planned action's key, such as the manager-review note of a hold. Effects that are once-only by
   * their own rule (invoice per month, lock per delinquency, marketing per day, referral, manager
   * text per day, a manual door change per run) keep that rule's key.
   */
  public static String of(Action action, Member member, RunContext run, String planKey) {
    return action.effect().accept(new Choice(action, member, run, planKey));
  }

  /** The key of the collection attempt that a text under {@code messageKey} logs. */
  public static String attempt(String messageKey) {
    return messageKey + ":attempt";
  }

  /** The key of the escalation that a note under {@code noteKey} records. */
  public static String escalation(String noteKey) {
    return noteKey + ":escalation";
  }

  /**
   * The key of the note the agent writes when it holds a member's actions for the manager's review:
   * one per member and run period, apart from any planned note's key.
   */
  public static String holdNote(RunContext run, MemberId member) {
    return "hold:"
        + run.workflow().id()
        + ":"
        + run.club().id()
        + ":"
        + run.period()
        + ":"
        + member.value();
  }

  /**
   * The manager's alert that a door change failed: one per club and hour, whatever the number of
   * members or retries (the run's events name every failure).
   */
  public static String doorFailedAlert(ClubId club, Instant now) {
    return hourlyAlert("door-failed", club, now);
  }

  /**
   * The manager's alert that a run failed: one per club and hour, so a failing database does not
   * text the manager at every fire and retry.
   */
  public static String runFailedAlert(ClubId club, Instant now) {
    return hourlyAlert("run-failed", club, now);
  }

  /** The manager's text that approvals wait: one per club and hour, however many were filed. */
  public static String approvalAlert(ClubId club, Instant filedAt) {
    return hourlyAlert("approval", club, filedAt);
  }

  /** The note a person's door change leaves on the member, once per run. */
  public static String manualDoorNote(String runId) {
    return "manual:" + runId + ":note";
  }

  /**
   * A note a person writes by hand: each is its own, so two identical notes are both kept (its key
   * only makes the write idempotent, not the person's intent).
   */
  public static String manualNote(java.util.UUID id) {
    return "manual:note:" + id;
  }

  private static String hourlyAlert(String kind, ClubId club, Instant now) {
    return "alert:" + kind + ":" + club + ":" + now.truncatedTo(ChronoUnit.HOURS);
  }

  /**
   * The plan's key: workflow, club, period, member and the action itself. A lock's message and note
   * are keyed to the lock instead, once per delinquency like the lock: after staff reopen a door by
   * hand, the hourly runs plan the lock again, and must not tell the member each hour that they are
   * locked out.
   */
  private static String planKey(Action action, Member member, RunContext run) {
    if (member != null && action.rule().equals(DoorAccessPolicy.WARN_RULE)) {
      // One warning per delinquency, whatever hour of the warning days the runs plan it.
      return "door:warn:" + member.id() + ":" + member.pastDueSince();
    }
    if (member != null && LOCK_RULES.contains(action.rule())) {
      // The lock's text has one key whichever workflow locks and whatever effect carries it (a
      // past-due lock's reminder or door-access's message): the member hears of a lock once.
      return action.effect() instanceof Effect.ToMember
          ? lockKey(member) + ":message"
          : lockKey(member) + ":" + action.name() + ":" + action.detail();
    }
    return run.workflow().id()
        + ":"
        + run.club().id()
        + ":"
        + run.period()
        + ":"
        + (member == null ? "-" : member.id().value())
        + ":"
        + action.name()
        + ":"
        + action.detail();
  }

  /** One lock per delinquency: if staff lift it by hand, GymOps does not fight them. */
  private static String lockKey(Member member) {
    return "door:lock:" + member.id() + ":" + member.pastDueSince();
  }

  /** Which key each kind of effect takes. */
  private static final class Choice implements Effect.Handler<String> {
    private final Action action;
    private final Member member;
    private final RunContext run;
    private final String planKey;

    Choice(Action action, Member member, RunContext run, String planKey) {
      this.action = action;
      this.member = member;
      this.run = run;
      this.planKey = planKey;
    }

    private String planned() {
      return planKey != null ? planKey : planKey(action, member, run);
    }

    @Override
    public String reminder(Effect.SendReminder reminder) {
      return planned();
    }

    @Override
    public String invoice(Effect.SendInvoice invoice) {
      // One invoice per member per month, whatever reruns.
      return "invoice:" + member.id() + ":" + MONTH.format(run.localDate());
    }

    @Override
    public String campaign(Effect.SendCampaign campaign) {
      // One marketing message per member per club-local day, whatever reruns or templates.
      return "marketing:" + member.id() + ":" + run.localDate();
    }

    @Override
    public String message(Effect.SendMessage message) {
      return planned();
    }

    @Override
    public String lock(Effect.LockDoor lock) {
      return lockKey(member);
    }

    @Override
    public String unlock(Effect.UnlockDoor unlock) {
      return planned();
    }

    @Override
    public String manualLock(Effect.ManualLock lock) {
      return manual();
    }

    @Override
    public String manualUnlock(Effect.ManualUnlock unlock) {
      return manual();
    }

    /**
     * Each manual run is its own request: a lock, an unlock and a lock again in one hour all go.
     */
    private String manual() {
      return "manual:" + run.runId() + ":" + member.id() + ":" + action.name();
    }

    @Override
    public String note(Effect.AddNote note) {
      return planned();
    }

    @Override
    public String referral(Effect.ReferToCollections referral) {
      // One referral per delinquency.
      return "referral:" + member.id() + ":" + member.pastDueSince();
    }

    @Override
    public String manager(Effect.NotifyManager notify) {
      // One text per rule per club per club-local day: an hourly workflow must not page hourly.
      return run.workflow().id()
          + ":"
          + run.club().id()
          + ":"
          + run.localDate()
          + ":"
          + action.rule();
    }
  }
}
