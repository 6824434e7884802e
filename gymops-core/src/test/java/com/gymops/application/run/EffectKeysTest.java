package com.gymops.application.run;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.Channel;
import com.gymops.domain.Club;
import com.gymops.domain.ClubId;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.Money;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.Action;
import com.gymops.policy.ClubPolicy;
import com.gymops.policy.DoorAccessPolicy;
import com.gymops.policy.Effect;
import com.gymops.policy.PastDueMonitoringPolicy;
import com.gymops.policy.PlannedMessage;
import com.gymops.policy.ReminderTier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The keys are stored with every effect: a key spelt differently after an upgrade would do the
 * effect again, so the spellings are pinned here.
 */
class EffectKeysTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final Club CLUB =
      new Club(new ClubId("main"), "Main Street", ZONE, "+12125550100", null);
  private static final LocalDate SINCE = LocalDate.of(2026, 11, 20);
  private static final Member ALEX = owing("M1");
  private static final Member SAM = owing("M2");

  /** 10:20 club time on 1 December 2026. */
  private static final Instant TEN = Instant.parse("2026-12-01T15:20:00Z");

  private static Member owing(String id) {
    return aMember().withId(id).withBalance("80.00", SINCE).build();
  }

  private static RunContext run(String runId, WorkflowId workflow, Instant at) {
    return RunContext.of(runId, workflow, CLUB, ClubPolicy.DEFAULTS, at);
  }

  private static RunContext hourly(String runId, Instant at) {
    return run(runId, WorkflowId.PAST_DUE_MONITORING, at);
  }

  private static PlannedMessage text(String to) {
    return new PlannedMessage(
        "reminder_friendly", MessagePurpose.REMINDER, Channel.SMS, to, null, "Hi", 1, TEN);
  }

  private static Action reminder(Member member, String rule) {
    return new Action(
        member.id(),
        new Effect.SendReminder(ReminderTier.FRIENDLY, text(member.phone())),
        rule,
        Map.of());
  }

  private static Action action(Member member, Effect effect, String rule) {
    return new Action(member == null ? null : member.id(), effect, rule, Map.of());
  }

  @Test
  void the_same_action_in_any_run_of_the_same_period_gets_the_same_key() {
    Action action = reminder(ALEX, PastDueMonitoringPolicy.RULE_TIER_PREFIX + "friendly");

    String first = EffectKeys.of(action, ALEX, hourly("run-1", TEN));
    String rerun = EffectKeys.of(action, ALEX, hourly("run-2", TEN.plusSeconds(30 * 60)));

    assertThat(first)
        .isEqualTo(rerun)
        .isEqualTo("past-due-monitoring:main:2026-12-01T10:M1:send_reminder:friendly");
    assertThat(EffectKeys.of(action, ALEX, hourly("run-3", TEN.plusSeconds(60 * 60))))
        .isNotEqualTo(first);
  }

  @Test
  void a_reminders_attempt_is_keyed_to_its_text() {
    String text =
        EffectKeys.of(
            reminder(ALEX, PastDueMonitoringPolicy.RULE_TIER_PREFIX + "friendly"),
            ALEX,
            hourly("r", TEN));

    assertThat(EffectKeys.attempt(text))
        .isEqualTo("past-due-monitoring:main:2026-12-01T10:M1:send_reminder:friendly:attempt");
    assertThat(EffectKeys.escalation("note-key")).isEqualTo("note-key:escalation");
  }

  @Test
  void distinct_members_get_distinct_keys_for_every_kind_of_member_effect() {
    RunContext run = hourly("run-1", TEN);
    List<Effect> effects =
        List.of(
            new Effect.SendReminder(ReminderTier.FRIENDLY, null),
            new Effect.SendInvoice(Money.parse("80.00"), null),
            new Effect.SendCampaign("spring", null),
            new Effect.SendMessage("access_restored", null),
            new Effect.LockDoor(),
            new Effect.UnlockDoor(),
            new Effect.ManualLock("staff"),
            new Effect.ManualUnlock("staff"),
            new Effect.AddNote(NotePriority.NORMAL, NoteCategory.BILLING, "owes"),
            new Effect.ReferToCollections(Money.parse("80.00"), 4));

    for (Effect effect : effects) {
      assertThat(EffectKeys.of(action(ALEX, effect, "test"), ALEX, run))
          .as(effect.name())
          .isNotEqualTo(EffectKeys.of(action(SAM, effect, "test"), SAM, run));
    }
  }

  @Test
  void once_only_effects_keep_their_own_rules_key_whatever_the_period() {
    RunContext tenOClock = hourly("run-1", TEN);

    assertThat(
            EffectKeys.of(
                action(ALEX, new Effect.SendInvoice(Money.parse("80.00"), null), "i"),
                ALEX,
                tenOClock))
        .isEqualTo("invoice:M1:2026-12");
    assertThat(
            EffectKeys.of(
                action(ALEX, new Effect.SendCampaign("spring", null), "c"), ALEX, tenOClock))
        .isEqualTo("marketing:M1:2026-12-01");
    assertThat(
            EffectKeys.of(
                action(ALEX, new Effect.LockDoor(), DoorAccessPolicy.RULE_LOCK), ALEX, tenOClock))
        .isEqualTo("door:lock:M1:2026-11-20");
    assertThat(
            EffectKeys.of(
                action(ALEX, new Effect.ReferToCollections(Money.parse("80.00"), 4), "r"),
                ALEX,
                tenOClock))
        .isEqualTo("referral:M1:2026-11-20");
    assertThat(
            EffectKeys.of(
                action(null, new Effect.NotifyManager("3 locked"), "door.summary"),
                null,
                tenOClock))
        .isEqualTo("past-due-monitoring:main:2026-12-01:door.summary");
  }

  @Test
  void a_locks_text_is_keyed_once_per_delinquency_whichever_workflow_and_effect_carry_it() {
    Action pastDueLock =
        action(
            ALEX,
            new Effect.SendReminder(ReminderTier.FINAL, text(ALEX.phone())),
            PastDueMonitoringPolicy.RULE_LOCK);
    Action doorAccessLock =
        action(
            ALEX,
            new Effect.SendMessage("access_locked", text(ALEX.phone())),
            DoorAccessPolicy.RULE_LOCK);

    String viaPastDue = EffectKeys.of(pastDueLock, ALEX, hourly("run-1", TEN));
    String viaDoorAccess =
        EffectKeys.of(
            doorAccessLock, ALEX, run("run-2", WorkflowId.DOOR_ACCESS, TEN.plusSeconds(7200)));

    assertThat(viaPastDue).isEqualTo(viaDoorAccess).isEqualTo("door:lock:M1:2026-11-20:message");
    assertThat(
            EffectKeys.of(
                action(
                    ALEX,
                    new Effect.AddNote(NotePriority.HIGH, NoteCategory.BILLING, "locked"),
                    DoorAccessPolicy.RULE_LOCK),
                ALEX,
                hourly("run-1", TEN)))
        .isEqualTo("door:lock:M1:2026-11-20:add_note:high/billing");
    assertThat(
            EffectKeys.of(
                action(
                    ALEX, new Effect.SendMessage("lock_warning", null), DoorAccessPolicy.WARN_RULE),
                ALEX,
                hourly("run-1", TEN)))
        .isEqualTo("door:warn:M1:2026-11-20");
  }

  @Test
  void a_manual_door_change_is_its_own_request_in_each_run() {
    Action lock = action(ALEX, new Effect.ManualLock("staff"), "manual");

    assertThat(EffectKeys.of(lock, ALEX, hourly("run-1", TEN)))
        .isEqualTo("manual:run-1:M1:manual_lock")
        .isNotEqualTo(EffectKeys.of(lock, ALEX, hourly("run-2", TEN)));
  }

  @Test
  void a_plan_key_given_instead_replaces_only_the_plans_key() {
    RunContext run = hourly("run-1", TEN);
    Action note =
        action(ALEX, new Effect.AddNote(NotePriority.NORMAL, NoteCategory.BILLING, "held"), "hold");
    Action invoice = action(ALEX, new Effect.SendInvoice(Money.parse("80.00"), null), "invoice");

    assertThat(EffectKeys.of(note, ALEX, run, "hold:x")).isEqualTo("hold:x");
    assertThat(EffectKeys.of(invoice, ALEX, run, "hold:x")).isEqualTo("invoice:M1:2026-12");
    assertThat(EffectKeys.holdNote(run, new MemberId("M1")))
        .isEqualTo("hold:past-due-monitoring:main:2026-12-01T10:M1");
  }

  @Test
  void the_managers_alerts_are_keyed_once_per_club_and_hour() {
    ClubId main = CLUB.id();

    assertThat(EffectKeys.doorFailedAlert(main, TEN))
        .isEqualTo(EffectKeys.doorFailedAlert(main, TEN.plusSeconds(30 * 60)))
        .isEqualTo("alert:door-failed:main:2026-12-01T15:00:00Z")
        .isNotEqualTo(EffectKeys.doorFailedAlert(main, TEN.plusSeconds(60 * 60)))
        .isNotEqualTo(EffectKeys.runFailedAlert(main, TEN));
    assertThat(EffectKeys.runFailedAlert(main, TEN))
        .isEqualTo("alert:run-failed:main:2026-12-01T15:00:00Z");
  }
}
