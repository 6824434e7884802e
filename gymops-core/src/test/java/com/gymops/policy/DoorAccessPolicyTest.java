package com.gymops.policy;

import static com.gymops.policy.CollectionsClub.clock;
import static com.gymops.policy.CollectionsClub.clockAtLocalTime;
import static com.gymops.policy.CollectionsClub.snapshot;
import static com.gymops.policy.PastDueMemberBuilder.aPaidUpMember;
import static com.gymops.policy.PastDueMemberBuilder.aPastDueMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.DoorAccess;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DoorAccessPolicyTest {
  private final DoorAccessPolicy policy = new DoorAccessPolicy();

  private Plan plan(MemberSnapshot... members) {
    return policy.plan(snapshot(members), clock());
  }

  private static long count(Plan plan, Class<? extends Effect> effect) {
    return plan.actions().stream().filter(a -> effect.isInstance(a.effect())).count();
  }

  @ParameterizedTest(name = "day {0} past due -> locked: {1}")
  @CsvSource({"0, false", "3, false", "4, true", "40, true"})
  void the_grace_period_ends_after_day_three(long days, boolean locked) {
    Plan plan = plan(aPastDueMember().owing("0.01").pastDueForDays(days).build());

    assertThat(count(plan, Effect.LockDoor.class)).isEqualTo(locked ? 1 : 0);
  }

  @Test
  void staff_are_never_locked_nor_warned_however_long_they_owe() {
    Plan plan =
        plan(
            aPastDueMember().withId("S1").asStaff().owing("90.00").pastDueForDays(40).build(),
            aPastDueMember().withId("S2").asStaff().owing("90.00").pastDueForDays(3).build(),
            aPastDueMember().withId("M1").owing("90.00").pastDueForDays(40).build());

    assertThat(plan.actions())
        .extracting(action -> action.member() == null ? null : action.member().value())
        .containsOnly("M1");
    assertThat(count(plan, Effect.LockDoor.class)).isEqualTo(1);
    assertThat(plan.skipped()).containsEntry(DoorAccessPolicy.STAFF, 2);
  }

  @Test
  void a_staff_member_locked_for_payment_is_still_unlocked_once_paid() {
    Plan plan = plan(aPaidUpMember().asStaff().withDoor(DoorAccess.LOCKED_FOR_PAYMENT).build());

    assertThat(count(plan, Effect.UnlockDoor.class)).isEqualTo(1);
  }

  @Test
  void a_lock_sends_the_locked_message_and_a_service_note() {
    Plan plan = plan(aPastDueMember().owing("64.00").pastDueForDays(5).build());

    assertThat(plan.actions())
        .allSatisfy(
            action -> {
              assertThat(action.rule()).isEqualTo("door.lock");
              assertThat(action.inputs())
                  .containsEntry("days_past_due", "5")
                  .containsEntry("grace_period_days", "3");
            })
        .extracting(action -> PlanEffects.withoutMessage(action.effect()))
        .containsExactly(
            new Effect.LockDoor(),
            new Effect.SendMessage("access_locked", null),
            new Effect.AddNote(
                NotePriority.NORMAL, NoteCategory.SERVICE, "Access locked - Past due $64.00"));
  }

  @Test
  void a_paid_up_member_locked_for_payment_is_unlocked_with_a_message_and_a_note() {
    Plan plan = plan(aPaidUpMember().withDoor(DoorAccess.LOCKED_FOR_PAYMENT).build());

    assertThat(plan.actions())
        .allSatisfy(action -> assertThat(action.rule()).isEqualTo("door.unlock"))
        .extracting(action -> PlanEffects.withoutMessage(action.effect()))
        .containsExactly(
            new Effect.UnlockDoor(),
            new Effect.SendMessage("access_restored", null),
            new Effect.AddNote(
                NotePriority.NORMAL, NoteCategory.SERVICE, "Access restored - Payment received"));
  }

  @Test
  void a_member_who_still_owes_stays_locked() {
    Plan plan =
        plan(aPastDueMember().owing("0.01").withDoor(DoorAccess.LOCKED_FOR_PAYMENT).build());

    assertThat(plan.actions()).isEmpty();
  }

  @ParameterizedTest(name = "{0} owing {1} is left alone")
  @CsvSource({"LOCKED_OTHER, 0.00", "LOCKED_OTHER, 80.00"})
  void a_door_locked_for_another_reason_is_never_touched(String door, String amount) {
    PastDueMemberBuilder member =
        amount.equals("0.00") ? aPaidUpMember() : aPastDueMember().owing(amount);
    Plan plan = plan(member.withDoor(DoorAccess.fromCode(door)).build());

    assertThat(plan.actions()).isEmpty();
  }

  @Test
  void a_lock_outside_the_sending_window_is_deferred() {
    Plan plan =
        policy.plan(
            snapshot(aPastDueMember().pastDueForDays(10).build()),
            clockAtLocalTime(LocalTime.of(7, 59)));

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.skipped()).containsEntry(LockWindow.DEFERRED, 1);
  }

  @Test
  void an_unlock_happens_at_night() {
    Plan plan =
        policy.plan(
            snapshot(aPaidUpMember().withDoor(DoorAccess.LOCKED_FOR_PAYMENT).build()),
            clockAtLocalTime(LocalTime.of(2, 30)));

    assertThat(count(plan, Effect.UnlockDoor.class)).isEqualTo(1);
  }

  @Test
  void members_with_an_open_referral_are_still_locked() {
    Plan plan = plan(aPastDueMember().pastDueForDays(30).withOpenReferral().build());

    assertThat(count(plan, Effect.LockDoor.class)).isEqualTo(1);
  }

  @Test
  void a_run_that_locks_exactly_the_limit_locks_them_all() {
    Plan plan = plan(lockable(10).toArray(MemberSnapshot[]::new));

    assertThat(count(plan, Effect.LockDoor.class)).isEqualTo(10);
    assertThat(count(plan, Effect.NotifyManager.class)).isZero();
    assertThat(plan.summary()).isEqualTo(new DoorAccessSummary(10, 0, 0, 10, 0, 0));
  }

  @Test
  void a_run_over_the_limit_locks_nobody_asks_the_manager_and_still_unlocks() {
    List<MemberSnapshot> members = new ArrayList<>(lockable(11));
    members.add(aPaidUpMember().withDoor(DoorAccess.LOCKED_FOR_PAYMENT).build());

    Plan plan = policy.plan(snapshot(ClubPolicy.DEFAULTS, members), clock());

    assertThat(count(plan, Effect.LockDoor.class)).isZero();
    assertThat(count(plan, Effect.SendMessage.class)).isEqualTo(1);
    assertThat(count(plan, Effect.UnlockDoor.class)).isEqualTo(1);
    assertThat(plan.actions())
        .filteredOn(action -> action.effect() instanceof Effect.NotifyManager)
        .singleElement()
        .satisfies(
            action -> {
              assertThat(action.member()).isNull();
              assertThat(action.rule()).isEqualTo("door.breaker");
              assertThat(((Effect.NotifyManager) action.effect()).text())
                  .contains("would lock 11 members, above the limit of 10; nothing was locked")
                  .contains("confirm");
            });
    assertThat(plan.summary()).isEqualTo(new DoorAccessSummary(0, 1, 0, 1, 11, 0));
  }

  private static List<MemberSnapshot> lockable(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> aPastDueMember().owing("30.00").pastDueForDays(7).build())
        .toList();
  }
}
