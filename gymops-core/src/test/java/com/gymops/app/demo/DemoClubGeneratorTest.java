package com.gymops.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class DemoClubGeneratorTest {
  private static final ClubId CLUB = new ClubId("main");
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
  private static final ZoneId ZONE = ZoneId.of("America/Chicago");
  private static final Instant START_OF_TODAY = TODAY.atStartOfDay(ZONE).toInstant();
  private static final DemoClubGenerator GENERATOR = new DemoClubGenerator(TODAY, ZONE);
  private static final DemoData CLUB_OF_20_000 = GENERATOR.generate(CLUB, 20_000, 7L);
  private static final Map<MemberId, Member> BY_ID =
      CLUB_OF_20_000.members().stream().collect(Collectors.toMap(Member::id, member -> member));

  @Test
  void same_inputs_give_identical_data() {
    assertThat(GENERATOR.generate(CLUB, 2_000, 99L))
        .isEqualTo(new DemoClubGenerator(TODAY, ZONE).generate(CLUB, 2_000, 99L));
  }

  @Test
  void different_seeds_give_different_clubs() {
    DemoData one = GENERATOR.generate(CLUB, 2_000, 1L);
    DemoData other = GENERATOR.generate(CLUB, 2_000, 2L);

    assertThat(one.members()).isNotEqualTo(other.members());
    assertThat(one.attempts()).isNotEqualTo(other.attempts());
  }

  @Test
  void statuses_follow_the_documented_mix() {
    assertThat(share(member -> member.status() == MemberStatus.PROSPECT)).isCloseTo(0.12, near());
    assertThat(share(member -> member.status() == MemberStatus.ACTIVE)).isCloseTo(0.60, near());
    assertThat(share(member -> member.status() == MemberStatus.PPV)).isCloseTo(0.10, near());
    assertThat(share(member -> member.status() == MemberStatus.FROZEN)).isCloseTo(0.08, near());
    assertThat(share(member -> member.status() == MemberStatus.CANCELLED)).isCloseTo(0.10, near());
  }

  @Test
  void green_members_are_eight_percent_and_joined_within_thirty_days() {
    DemoSummary summary = DemoSummary.of(CLUB_OF_20_000, TODAY);

    assertThat(summary.green() / 20_000.0).isCloseTo(0.08, near());
    assertThat(CLUB_OF_20_000.members())
        .filteredOn(member -> member.joinedOn() != null)
        .allSatisfy(
            member ->
                assertThat(ChronoUnit.DAYS.between(member.joinedOn(), TODAY))
                    .isBetween(0L, 6 * 365L)
                    .isNotEqualTo(30L));
  }

  @Test
  void prospects_have_no_join_date_and_owe_nothing() {
    assertThat(CLUB_OF_20_000.members())
        .filteredOn(member -> member.status() == MemberStatus.PROSPECT)
        .isNotEmpty()
        .allSatisfy(
            prospect -> {
              assertThat(prospect.joinedOn()).isNull();
              assertThat(prospect.isPastDue()).isFalse();
              assertThat(prospect.door()).isEqualTo(DoorAccess.OPEN);
            });
  }

  @Test
  void ten_percent_of_all_people_are_past_due() {
    assertThat(share(Member::isPastDue)).isCloseTo(0.10, within(0.01));
  }

  @Test
  void ten_percent_are_past_due_in_the_benchmark_club_of_100_000() {
    DemoData benchmark = GENERATOR.generate(CLUB, 100_000, 2026L);

    long pastDue = benchmark.members().stream().filter(Member::isPastDue).count();

    assertThat(pastDue / 100_000.0).isCloseTo(0.10, within(0.01));
  }

  @Test
  void past_due_members_owe_since_a_day_no_later_than_today_and_after_joining() {
    assertThat(CLUB_OF_20_000.members())
        .filteredOn(Member::isPastDue)
        .allSatisfy(
            member -> {
              assertThat(member.pastDueSince()).isNotNull().isBeforeOrEqualTo(TODAY);
              assertThat(member.pastDueSince()).isAfterOrEqualTo(member.joinedOn());
              assertThat(member.pastDueSince()).isAfterOrEqualTo(TODAY.minusDays(180));
            });
  }

  @Test
  void paid_up_members_have_no_past_due_date_and_a_zero_balance() {
    assertThat(CLUB_OF_20_000.members())
        .filteredOn(member -> !member.isPastDue())
        .allSatisfy(
            member -> {
              assertThat(member.pastDueSince()).isNull();
              assertThat(member.pastDue()).isEqualTo(Money.ZERO);
            });
  }

  @Test
  void past_due_amounts_have_a_long_tail() {
    DemoSummary summary = DemoSummary.of(CLUB_OF_20_000, TODAY);
    double pastDue = summary.pastDue();

    assertThat(summary.pastDueUnder50() / pastDue).isBetween(0.50, 0.75);
    assertThat(summary.pastDue50To100() / pastDue).isBetween(0.15, 0.35);
    assertThat(summary.pastDue100To200() / pastDue).isBetween(0.05, 0.20);
    assertThat(summary.pastDue200AndOver() / pastDue).isBetween(0.01, 0.08);
  }

  @Test
  void older_delinquencies_owe_more() {
    double recent = averageOwedWhenPastDueForDays(0, 30);
    double older = averageOwedWhenPastDueForDays(31, 90);
    double oldest = averageOwedWhenPastDueForDays(91, 180);

    assertThat(recent).isLessThan(older);
    assertThat(older).isLessThan(oldest);
  }

  @Test
  void no_attempt_lies_in_the_future_or_on_today() {
    assertThat(CLUB_OF_20_000.attempts())
        .isNotEmpty()
        .allSatisfy(attempt -> assertThat(attempt.attemptedAt()).isBefore(START_OF_TODAY));
  }

  @Test
  void attempts_belong_to_generated_members_who_have_joined() {
    assertThat(CLUB_OF_20_000.attempts())
        .allSatisfy(
            attempt -> {
              Member member = BY_ID.get(attempt.memberId());
              assertThat(member).isNotNull();
              assertThat(member.joinedOn()).isNotNull();
              assertThat(localDate(attempt)).isAfterOrEqualTo(member.joinedOn());
            });
  }

  @Test
  void reminders_of_the_current_delinquency_are_at_least_72_hours_apart_and_escalate() {
    Map<MemberId, List<CollectionAttempt>> reminders = currentReminders();

    assertThat(reminders).isNotEmpty();
    reminders.forEach(
        (id, list) -> {
          for (int i = 1; i < list.size(); i++) {
            assertThat(Duration.between(list.get(i - 1).attemptedAt(), list.get(i).attemptedAt()))
                .isGreaterThanOrEqualTo(Duration.ofHours(72));
          }
          assertThat(list.get(0).kind()).isEqualTo(AttemptKind.FRIENDLY);
          assertThat(list).extracting(CollectionAttempt::kind).isSorted();
        });
  }

  @Test
  void collection_contacts_fall_inside_the_sending_window() {
    assertThat(CLUB_OF_20_000.attempts())
        .allSatisfy(
            attempt ->
                assertThat(attempt.attemptedAt().atZone(ZONE).toLocalTime())
                    .isBetween(LocalTime.of(8, 0), LocalTime.of(20, 0)));
  }

  @Test
  void some_members_have_reminders_from_before_their_current_delinquency() {
    long withSettledHistory =
        CLUB_OF_20_000.attempts().stream()
            .filter(attempt -> BY_ID.get(attempt.memberId()).isPastDue())
            .filter(
                attempt ->
                    localDate(attempt).isBefore(BY_ID.get(attempt.memberId()).pastDueSince()))
            .map(CollectionAttempt::memberId)
            .distinct()
            .count();

    assertThat(withSettledHistory).isGreaterThan(50);
  }

  @Test
  void about_eight_percent_of_reminders_fail() {
    List<CollectionAttempt> reminders =
        CLUB_OF_20_000.attempts().stream().filter(attempt -> attempt.kind().isReminder()).toList();
    long failed =
        reminders.stream().filter(attempt -> attempt.outcome() == AttemptOutcome.FAILED).count();

    assertThat((double) failed / reminders.size()).isCloseTo(0.08, within(0.03));
  }

  @Test
  void invoices_go_out_on_the_first_of_each_month_of_the_delinquency() {
    List<CollectionAttempt> invoices =
        CLUB_OF_20_000.attempts().stream()
            .filter(attempt -> attempt.kind() == AttemptKind.INVOICE)
            .toList();

    assertThat(invoices).isNotEmpty();
    assertThat(invoices)
        .allSatisfy(
            invoice -> {
              Member member = BY_ID.get(invoice.memberId());
              assertThat(localDate(invoice).getDayOfMonth()).isEqualTo(1);
              assertThat(member.isPastDue()).isTrue();
              assertThat(localDate(invoice)).isAfterOrEqualTo(member.pastDueSince());
            });
  }

  @Test
  void a_payment_lock_is_on_a_delinquency_past_grace_or_on_a_member_who_just_paid() {
    List<Member> locked =
        CLUB_OF_20_000.members().stream()
            .filter(member -> member.door().isLockedForPayment())
            .toList();
    List<Member> justPaid = locked.stream().filter(member -> !member.isPastDue()).toList();

    assertThat(locked)
        .filteredOn(Member::isPastDue)
        .isNotEmpty()
        .allSatisfy(
            member ->
                assertThat(ChronoUnit.DAYS.between(member.pastDueSince(), TODAY)).isGreaterThan(3));
    assertThat(justPaid).isNotEmpty();
    assertThat((double) justPaid.size() / CLUB_OF_20_000.members().size()).isLessThan(0.005);
  }

  @Test
  void nearly_every_delinquency_past_grace_is_already_locked_as_the_hourly_job_would_have() {
    List<Member> pastGrace =
        CLUB_OF_20_000.members().stream()
            .filter(Member::isPastDue)
            .filter(member -> ChronoUnit.DAYS.between(member.pastDueSince(), TODAY) > 3)
            .filter(member -> !member.door().equals(DoorAccess.LOCKED_OTHER))
            .toList();
    long locked = pastGrace.stream().filter(member -> member.door().isLockedForPayment()).count();

    assertThat((double) locked / pastGrace.size()).isCloseTo(0.97, within(0.01));
  }

  @Test
  void staff_locks_are_rare() {
    assertThat(share(member -> member.door().equals(DoorAccess.LOCKED_OTHER)))
        .isCloseTo(0.005, within(0.0025));
  }

  @Test
  void contact_details_and_consent_follow_the_documented_mix() {
    assertThat(share(member -> member.phone() == null)).isCloseTo(0.03, within(0.006));
    assertThat(share(member -> member.email() == null)).isCloseTo(0.25, near());
    assertThat(share(Member::smsOptedOut)).isCloseTo(0.04, within(0.006));
    assertThat(share(Member::smsConsent)).isCloseTo(0.85, near());
  }

  @Test
  void consent_and_opt_out_need_a_phone_and_exclude_each_other() {
    assertThat(CLUB_OF_20_000.members())
        .filteredOn(member -> member.smsConsent() || member.smsOptedOut())
        .allSatisfy(
            member -> {
              assertThat(member.phone()).isNotNull();
              assertThat(member.smsConsent() && member.smsOptedOut()).isFalse();
            });
  }

  @Test
  void every_phone_is_a_valid_us_number() throws NumberParseException {
    PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    for (Member member : CLUB_OF_20_000.members()) {
      if (member.phone() != null) {
        assertThat(phones.isValidNumberForRegion(phones.parse(member.phone(), "US"), "US"))
            .as(member.phone())
            .isTrue();
        assertThat(member.phone()).matches("\\+1[2-9]\\d{2}555\\d{4}");
      }
    }
  }

  @Test
  void phones_and_emails_are_unique() {
    List<String> phones =
        CLUB_OF_20_000.members().stream().map(Member::phone).filter(p -> p != null).toList();
    List<String> emails =
        CLUB_OF_20_000.members().stream().map(Member::email).filter(e -> e != null).toList();

    assertThat(phones).doesNotHaveDuplicates();
    assertThat(emails)
        .doesNotHaveDuplicates()
        .allSatisfy(
            email -> assertThat(email).matches("[a-z]+\\.[a-z]+\\+\\d+@example\\.(com|org|net)"));
  }

  @Test
  void ids_are_unique_and_zero_padded_to_fit_the_count() {
    assertThat(CLUB_OF_20_000.members()).extracting(Member::id).doesNotHaveDuplicates();
    assertThat(CLUB_OF_20_000.members().get(0).id()).isEqualTo(new MemberId("M000001"));
    assertThat(CLUB_OF_20_000.members().get(19_999).id()).isEqualTo(new MemberId("M020000"));
  }

  @Test
  void a_club_of_one_member_works() {
    DemoData one = GENERATOR.generate(CLUB, 1, 5L);

    assertThat(one.members()).hasSize(1);
    assertThat(one.members().get(0).id()).isEqualTo(new MemberId("M000001"));
    assertThat(one.members().get(0).clubId()).isEqualTo(CLUB);
  }

  @Test
  void a_club_of_ten_members_works() {
    DemoData ten = GENERATOR.generate(CLUB, 10, 5L);

    assertThat(ten.members())
        .extracting(member -> member.id().value())
        .containsExactly(
            "M000001", "M000002", "M000003", "M000004", "M000005", "M000006", "M000007", "M000008",
            "M000009", "M000010");
  }

  @Test
  void refuses_an_empty_club() {
    assertThatThrownBy(() -> GENERATOR.generate(CLUB, 0, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  private static double share(Predicate<Member> test) {
    return CLUB_OF_20_000.members().stream().filter(test).count()
        / (double) CLUB_OF_20_000.members().size();
  }

  /** Within 1.5 points: three standard deviations of a 20% share at 20,000 people is 0.85. */
  private static Offset<Double> near() {
    return within(0.015);
  }

  private static double averageOwedWhenPastDueForDays(long fromDays, long toDays) {
    return CLUB_OF_20_000.members().stream()
        .filter(Member::isPastDue)
        .filter(
            member -> {
              long days = ChronoUnit.DAYS.between(member.pastDueSince(), TODAY);
              return days >= fromDays && days <= toDays;
            })
        .mapToLong(member -> member.pastDue().cents())
        .average()
        .orElseThrow();
  }

  private static Map<MemberId, List<CollectionAttempt>> currentReminders() {
    return CLUB_OF_20_000.attempts().stream()
        .filter(attempt -> attempt.kind().isReminder())
        .filter(attempt -> BY_ID.get(attempt.memberId()).isPastDue())
        .filter(
            attempt -> !localDate(attempt).isBefore(BY_ID.get(attempt.memberId()).pastDueSince()))
        .collect(Collectors.groupingBy(CollectionAttempt::memberId));
  }

  private static LocalDate localDate(CollectionAttempt attempt) {
    return attempt.attemptedAt().atZone(ZONE).toLocalDate();
  }
}
