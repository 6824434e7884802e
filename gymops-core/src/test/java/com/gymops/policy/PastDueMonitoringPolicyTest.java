package com.gymops.policy;

import static com.gymops.policy.CollectionsClub.clock;
import static com.gymops.policy.CollectionsClub.clockAtLocalTime;
import static com.gymops.policy.CollectionsClub.now;
import static com.gymops.policy.CollectionsClub.snapshot;
import static com.gymops.policy.PastDueMemberBuilder.aPaidUpMember;
import static com.gymops.policy.PastDueMemberBuilder.aPastDueMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.DoorAccess;
import com.gymops.domain.Money;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PastDueMonitoringPolicyTest {
  /** A referral day of the default fortnight (anchored to Monday 2026-01-05). */
  private static final LocalDate REFERRAL_MONDAY = LocalDate.of(2026, 3, 16);

  private final PastDueMonitoringPolicy policy = new PastDueMonitoringPolicy();

  private Plan plan(MemberSnapshot... members) {
    return policy.plan(snapshot(members), clock());
  }

  private static List<String> rules(Plan plan) {
    return plan.actions().stream().map(Action::rule).toList();
  }

  @ParameterizedTest(name = "${0} after {1} attempts -> {2}")
  @CsvSource({
    "49.99,  0, friendly",
    "50.00,  0, firm",
    "99.99,  0, firm",
    "100.00, 0, final",
    "20.00,  1, friendly",
    "20.00,  2, firm",
    "20.00,  4, final",
  })
  void sends_one_reminder_of_the_tier_the_balance_and_attempts_call_for(
      String amount, int attempts, String tier) {
    Plan plan = plan(aPastDueMember().owing(amount).withReminders(attempts).build());

    assertThat(plan.actions())
        .filteredOn(action -> action.effect() instanceof Effect.SendReminder)
        .singleElement()
        .satisfies(
            action -> {
              assertThat(action.detail()).isEqualTo(tier);
              assertThat(action.rule()).isEqualTo("past-due.tier." + tier);
              assertThat(action.inputs())
                  .containsEntry("amount", amount)
                  .containsEntry("attempts", Integer.toString(attempts))
                  .containsKeys("days_past_due", "last_reminder", "messages_7d");
            });
  }

  @Test
  void a_reminder_waits_for_the_payment_providers_next_try_when_the_club_says_so() {
    MemberSnapshot member = aPastDueMember().owing("49.00").build();
    var id = member.member().id();
    ClubSnapshot plain = snapshot(member);
    ClubSnapshot waiting =
        new ClubSnapshot(
            plain.club(),
            plain.policy(),
            plain.templates(),
            plain.members(),
            plain.holds(),
            plain.payLinks(),
            java.util.Map.of(id, now().plus(Duration.ofHours(20))));
    ClubSnapshot retried =
        new ClubSnapshot(
            plain.club(),
            plain.policy(),
            plain.templates(),
            plain.members(),
            plain.holds(),
            plain.payLinks(),
            java.util.Map.of(id, now().minus(Duration.ofMinutes(1))));

    Plan held = policy.plan(waiting, clock());
    assertThat(rules(held)).isEmpty();
    assertThat(held.skipped()).containsEntry(ClubSnapshot.PROVIDER_RETRY, 1);
    assertThat(summary(held).membersProcessed()).isEqualTo(1);
    assertThat(rules(policy.plan(retried, clock()))).containsExactly("past-due.tier.friendly");
    assertThat(rules(policy.plan(plain, clock()))).containsExactly("past-due.tier.friendly");
  }

  @Test
  void failed_reminders_and_invoices_do_not_raise_the_tier() {
    Plan plan =
        plan(
            aPastDueMember()
                .owing("20.00")
                .withFailedReminderAt(now().minus(Duration.ofDays(9)))
                .withFailedReminderAt(now().minus(Duration.ofDays(8)))
                .withInvoiceAt(now().minus(Duration.ofDays(8)))
                .build());

    assertThat(rules(plan)).containsExactly("past-due.tier.friendly");
  }

  @ParameterizedTest(name = "last reminder {0} minutes ago -> sent: {1}")
  @CsvSource({"1, false", "4319, false", "4320, true", "5000, true"})
  void reminders_are_at_least_seventy_two_hours_apart(long minutesAgo, boolean sent) {
    Plan plan =
        plan(aPastDueMember().withReminderAt(now().minus(Duration.ofMinutes(minutesAgo))).build());

    assertThat(plan.actions()).hasSize(sent ? 1 : 0);
    if (!sent) {
      assertThat(plan.skipped()).containsEntry(ReminderCadence.TOO_SOON, 1);
    }
  }

  @Test
  void an_undeliverable_reminder_is_not_retried_every_hour() {
    Plan plan =
        plan(aPastDueMember().withFailedReminderAt(now().minus(Duration.ofHours(1))).build());

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.skipped()).containsEntry(ReminderCadence.TOO_SOON, 1);
  }

  @Test
  void exactly_two_collection_messages_in_seven_days_block_the_third() {
    Plan plan =
        plan(
            aPastDueMember()
                .withInvoiceAt(now().minus(Duration.ofDays(6)))
                .withReminderAt(now().minus(Duration.ofDays(4)))
                .build());

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.skipped()).containsEntry(ReminderCadence.WEEKLY_CAP, 1);
  }

  @Test
  void one_collection_message_in_seven_days_leaves_room_for_a_reminder() {
    Plan plan = plan(aPastDueMember().withInvoiceAt(now().minus(Duration.ofDays(1))).build());

    assertThat(rules(plan)).containsExactly("past-due.tier.friendly");
  }

  @ParameterizedTest(name = "${0} after {1} attempts -> locked: {2}")
  @CsvSource({
    "100.00, 4, true",
    "450.00, 9, true",
    "99.99,  4, false",
    "100.00, 3, false",
    "20.00,  6, false",
  })
  void a_lock_needs_both_the_amount_and_the_attempts(String amount, int attempts, boolean locked) {
    Plan plan = plan(aPastDueMember().owing(amount).withReminders(attempts).build());

    assertThat(rules(plan).contains("past-due.lock")).isEqualTo(locked);
    assertThat(summary(plan).doorsLocked()).isEqualTo(locked ? 1 : 0);
  }

  @Test
  void a_lock_comes_with_the_access_locked_text_as_its_reminder_and_an_urgent_billing_note() {
    Plan plan = plan(aPastDueMember().owing("120.50").withReminders(4).build());

    assertThat(plan.actions())
        .allSatisfy(action -> assertThat(action.rule()).isEqualTo("past-due.lock"))
        .extracting(action -> PlanEffects.withoutMessage(action.effect()))
        .containsExactly(
            new Effect.LockDoor(),
            new Effect.SendReminder(ReminderTier.FINAL, null),
            new Effect.AddNote(
                NotePriority.URGENT,
                NoteCategory.BILLING,
                "Door locked: past due $120.50 after 4 reminders"));
    assertThat(((Effect.SendReminder) plan.actions().get(1).effect()).message().templateKey())
        .as("the same text as door-access, not a final notice that promises to keep access")
        .isEqualTo(MessageTemplates.ACCESS_LOCKED);
    assertThat(summary(plan))
        .extracting(PastDueSummary::friendly, PastDueSummary::firm, PastDueSummary::finalNotices)
        .containsExactly(0, 0, 1);
  }

  @Test
  void a_lock_whose_reminder_the_cadence_blocks_still_sends_the_access_locked_text() {
    Plan plan =
        plan(
            aPastDueMember()
                .owing("120.50")
                .withReminders(3)
                .withReminderAt(now().minus(Duration.ofHours(24)))
                .build());

    assertThat(plan.actions())
        .extracting(action -> PlanEffects.withoutMessage(action.effect()))
        .contains(new Effect.SendMessage(MessageTemplates.ACCESS_LOCKED, null))
        .noneMatch(Effect.SendReminder.class::isInstance);
  }

  @Test
  void a_lock_outside_the_sending_window_waits_and_no_final_notice_goes_before_it() {
    Plan plan =
        policy.plan(
            snapshot(aPastDueMember().owing("150.00").withReminders(5).build()),
            clockAtLocalTime(LocalTime.of(20, 0)));

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.skipped())
        .containsEntry(LockWindow.DEFERRED, 1)
        .containsEntry(PastDueMonitoringPolicy.LOCK_DUE, 1);
    assertThat(summary(plan))
        .extracting(PastDueSummary::doorsLocked, PastDueSummary::urgentCases)
        .containsExactly(0, 1);
  }

  @Test
  void a_member_locked_for_payment_is_told_how_to_get_back_in_not_to_keep_access() {
    Plan plan =
        plan(
            aPastDueMember()
                .owing("150.00")
                .withReminders(1)
                .withDoor(DoorAccess.LOCKED_FOR_PAYMENT)
                .build());

    assertThat(plan.actions())
        .singleElement()
        .satisfies(
            action -> {
              Effect.SendReminder reminder = (Effect.SendReminder) action.effect();
              assertThat(reminder.tier()).isEqualTo(ReminderTier.FINAL);
              assertThat(reminder.message().templateKey())
                  .isEqualTo(MessageTemplates.REMINDER_LOCKED);
              assertThat(reminder.message().text())
                  .contains("get back in")
                  .doesNotContainIgnoringCase("keep");
            });
  }

  @Test
  void a_member_whose_lock_text_went_this_hour_gets_no_second_text_about_the_lock() {
    Plan plan =
        plan(
            aPastDueMember()
                .owing("150.00")
                .withReminders(1)
                .withDoor(DoorAccess.LOCKED_FOR_PAYMENT)
                .withLockTextAt(now().plus(Duration.ofMinutes(1)))
                .build());

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.skipped()).containsEntry(PastDueMonitoringPolicy.LOCK_TEXT_SENT, 1).hasSize(1);
  }

  @ParameterizedTest(name = "lock text {0} minutes ago -> reminder: {1}")
  @CsvSource({"4319, false", "4320, true"})
  void the_lock_text_holds_back_the_reminder_for_one_reminder_interval(
      long minutesAgo, boolean sent) {
    Plan plan =
        plan(
            aPastDueMember()
                .owing("150.00")
                .withReminders(1)
                .withDoor(DoorAccess.LOCKED_FOR_PAYMENT)
                .withLockTextAt(now().minus(Duration.ofMinutes(minutesAgo)))
                .build());

    assertThat(plan.actions())
        .filteredOn(action -> action.effect() instanceof Effect.SendReminder)
        .hasSize(sent ? 1 : 0);
  }

  @Test
  void a_member_who_qualifies_for_referral_today_gets_no_reminder_that_day() {
    MemberSnapshot member =
        aPastDueMember().owing("80.00").pastDueForDays(20).withReminders(3).build();

    Plan referralDay =
        policy.plan(snapshot(member), CollectionsClub.clockAt(REFERRAL_MONDAY.atTime(10, 0)));
    Plan dayAfter =
        policy.plan(
            snapshot(member), CollectionsClub.clockAt(REFERRAL_MONDAY.plusDays(1).atTime(10, 0)));

    assertThat(referralDay.actions()).isEmpty();
    assertThat(referralDay.skipped()).containsEntry(PastDueMonitoringPolicy.REFERRAL_TODAY, 1);
    assertThat(dayAfter.actions())
        .extracting(Action::effect)
        .hasAtLeastOneElementOfType(Effect.SendReminder.class);
  }

  @Test
  void a_club_that_allows_night_locks_locks_at_night() {
    Clock night = clockAtLocalTime(LocalTime.of(3, 0));
    Plan plan =
        policy.plan(
            snapshot(
                CollectionsClub.locksAllowedAtNight(),
                aPastDueMember().owing("150.00").withReminders(5).build()),
            night);

    assertThat(rules(plan)).contains("past-due.lock");
  }

  @ParameterizedTest(name = "door {0} is not locked again")
  @CsvSource({"LOCKED_PAYMENT", "LOCKED_OTHER"})
  void a_door_that_is_already_locked_is_left_alone(String door) {
    Plan plan =
        plan(
            aPastDueMember()
                .owing("150.00")
                .withReminders(5)
                .withDoor(DoorAccess.fromCode(door))
                .build());

    assertThat(rules(plan)).containsExactly("past-due.tier.final");
    assertThat(summary(plan).urgentCases()).isEqualTo(1);
  }

  @Test
  void members_with_an_open_referral_get_no_reminder_and_no_lock() {
    Plan plan = plan(aPastDueMember().owing("300.00").withReminders(6).withOpenReferral().build());

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.skipped()).containsEntry(PastDueMonitoringPolicy.OPEN_REFERRAL, 1);
    assertThat(summary(plan).membersProcessed()).isZero();
  }

  @Test
  void the_summary_has_the_seeds_figures_and_ignores_paid_up_members() {
    Plan plan =
        plan(
            aPastDueMember().owing("20.00").build(),
            aPastDueMember().owing("75.25").build(),
            aPastDueMember().owing("1139.25").withReminders(4).build(),
            aPaidUpMember().build());

    assertThat(plan.summary())
        .isEqualTo(new PastDueSummary(3, 1, 1, 1, 1, Money.parse("1234.50"), 1));
  }

  private static PastDueSummary summary(Plan plan) {
    return (PastDueSummary) plan.summary();
  }
}
