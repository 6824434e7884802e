package com.gymops.policy;

import static com.gymops.policy.CollectionsClub.TODAY;
import static com.gymops.policy.PastDueMemberBuilder.aPaidUpMember;
import static com.gymops.policy.PastDueMemberBuilder.aPastDueMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.DoorAccess;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import java.time.Clock;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class CollectionsPolicyProperties {
  private static final ReminderRules REMINDERS = ReminderRules.DEFAULTS;
  private static final AccessRules ACCESS = AccessRules.DEFAULTS;

  /** One generated member: what the rules read, and the snapshot built from it. */
  record Case(long cents, int attempts, long daysPastDue, DoorAccess door, boolean referred) {
    MemberSnapshot snapshot(MemberId id) {
      PastDueMemberBuilder member =
          cents == 0
              ? aPaidUpMember().withId(id.value())
              : aPastDueMember()
                  .withId(id.value())
                  .owing(Money.ofCents(cents).toString())
                  .pastDueForDays(daysPastDue)
                  .withReminders(attempts);
      if (referred) {
        member.withOpenReferral();
      }
      return member.withDoor(door).build();
    }
  }

  @Property
  void a_larger_balance_or_more_attempts_never_yields_a_milder_tier(
      @ForAll @IntRange(min = 1, max = 30_000) int cents,
      @ForAll @IntRange(min = 0, max = 30_000) int extraCents,
      @ForAll @IntRange(min = 0, max = 6) int attempts,
      @ForAll @IntRange(min = 0, max = 6) int extraAttempts) {
    ReminderTier milder = plannedTier(cents, attempts);
    ReminderTier harsher = plannedTier(cents + extraCents, attempts + extraAttempts);

    assertThat(harsher).isGreaterThanOrEqualTo(milder);
  }

  private static ReminderTier plannedTier(long cents, int attempts) {
    MemberSnapshot member =
        aPastDueMember().owing(Money.ofCents(cents).toString()).withReminders(attempts).build();
    Plan plan =
        new PastDueMonitoringPolicy()
            .plan(CollectionsClub.snapshot(member), CollectionsClub.clock());
    return plan.actions().stream()
        .map(Action::effect)
        .filter(Effect.SendReminder.class::isInstance)
        .map(effect -> ((Effect.SendReminder) effect).tier())
        .findFirst()
        .orElseThrow();
  }

  @Property
  void a_past_due_lock_always_comes_with_its_rule(
      @ForAll("members") @Size(max = 15) List<Case> cases,
      @ForAll("anyTime") LocalTime time,
      @ForAll boolean lockOutsideWindow) {
    Map<MemberId, Case> byId = snapshotsById(cases);
    Plan plan = new PastDueMonitoringPolicy().plan(club(byId, lockOutsideWindow), clockAt(time));

    assertThat(locks(plan))
        .allSatisfy(
            lock -> {
              Case member = byId.get(lock.member());
              assertThat(lock.rule()).isEqualTo("past-due.lock");
              assertThat(member.cents()).isGreaterThanOrEqualTo(REMINDERS.lockAmount().cents());
              assertThat(member.attempts()).isGreaterThanOrEqualTo(REMINDERS.lockAttempts());
              assertThat(member.door()).isEqualTo(DoorAccess.OPEN);
              assertThat(member.referred()).isFalse();
            });
  }

  @Property
  void a_door_lock_always_comes_with_its_rule_and_stays_under_the_breaker(
      @ForAll("members") @Size(max = 15) List<Case> cases,
      @ForAll("anyTime") LocalTime time,
      @ForAll boolean lockOutsideWindow) {
    Map<MemberId, Case> byId = snapshotsById(cases);
    Plan plan = new DoorAccessPolicy().plan(club(byId, lockOutsideWindow), clockAt(time));

    assertThat(locks(plan)).hasSizeLessThanOrEqualTo(ACCESS.maxLocksPerRun());
    assertThat(locks(plan))
        .allSatisfy(
            lock -> {
              Case member = byId.get(lock.member());
              assertThat(lock.rule()).isEqualTo("door.lock");
              assertThat(member.daysPastDue()).isGreaterThan(ACCESS.gracePeriodDays());
              assertThat(member.cents()).isGreaterThanOrEqualTo(ACCESS.minPastDueAmount().cents());
              assertThat(member.door()).isEqualTo(DoorAccess.OPEN);
            });
  }

  @Property
  void no_door_is_locked_outside_the_sending_window_unless_the_club_allows_it(
      @ForAll("members") @Size(max = 15) List<Case> cases,
      @ForAll("outsideWindow") LocalTime time) {
    Map<MemberId, Case> byId = snapshotsById(cases);
    ClubSnapshot club = club(byId, false);

    assertThat(locks(new PastDueMonitoringPolicy().plan(club, clockAt(time)))).isEmpty();
    assertThat(locks(new DoorAccessPolicy().plan(club, clockAt(time)))).isEmpty();
  }

  @Provide
  Arbitrary<List<Case>> members() {
    Arbitrary<Long> cents =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(0L)), Tuple.of(6, Arbitraries.longs().between(1, 40_000)));
    Arbitrary<Integer> attempts = Arbitraries.integers().between(0, 7);
    Arbitrary<Long> days = Arbitraries.longs().between(0, 45);
    Arbitrary<DoorAccess> door =
        Arbitraries.of(DoorAccess.OPEN, DoorAccess.LOCKED_FOR_PAYMENT, DoorAccess.LOCKED_OTHER);
    Arbitrary<Boolean> referred = Arbitraries.of(false, false, false, true);
    return Combinators.combine(cents, attempts, days, door, referred).as(Case::new).list();
  }

  @Provide
  Arbitrary<LocalTime> anyTime() {
    return Arbitraries.integers().between(0, 24 * 60 - 1).map(m -> LocalTime.MIN.plusMinutes(m));
  }

  @Provide
  Arbitrary<LocalTime> outsideWindow() {
    SendingWindow window = SendingWindow.DEFAULT;
    return anyTime().filter(time -> !window.contains(time));
  }

  private static Map<MemberId, Case> snapshotsById(List<Case> cases) {
    Map<MemberId, Case> byId = new LinkedHashMap<>();
    for (int i = 0; i < cases.size(); i++) {
      byId.put(new MemberId("P" + i), cases.get(i));
    }
    return byId;
  }

  private static ClubSnapshot club(Map<MemberId, Case> byId, boolean lockOutsideWindow) {
    ClubPolicy policy =
        CollectionsClub.withAccess(
            new AccessRules(
                ACCESS.minPastDueAmount(),
                ACCESS.gracePeriodDays(),
                ACCESS.maxLocksPerRun(),
                lockOutsideWindow));
    return CollectionsClub.snapshot(
        policy,
        byId.entrySet().stream().map(entry -> entry.getValue().snapshot(entry.getKey())).toList());
  }

  private static Clock clockAt(LocalTime time) {
    return CollectionsClub.clockAt(TODAY.atTime(time));
  }

  private static List<Action> locks(Plan plan) {
    return plan.actions().stream().filter(a -> a.effect() instanceof Effect.LockDoor).toList();
  }
}
