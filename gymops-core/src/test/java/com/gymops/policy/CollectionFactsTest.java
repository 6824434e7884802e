package com.gymops.policy;

import static com.gymops.policy.CollectionsClub.TODAY;
import static com.gymops.policy.CollectionsClub.at;
import static com.gymops.policy.CollectionsClub.now;
import static com.gymops.policy.PastDueMemberBuilder.aPastDueMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollectionFactsTest {

  private static CollectionFacts factsOf(PastDueMemberBuilder member, Instant now) {
    return CollectionFacts.of(member.build(), now, CollectionsClub.ZONE);
  }

  private static CollectionFacts factsOf(PastDueMemberBuilder member) {
    return factsOf(member, now());
  }

  @Test
  void failed_reminders_are_not_attempts_but_count_as_failed_and_as_the_last_reminder() {
    Instant failedAt = now().minus(Duration.ofHours(2));
    CollectionFacts facts =
        factsOf(
            aPastDueMember()
                .withReminderAt(now().minus(Duration.ofDays(5)))
                .withFailedReminderAt(now().minus(Duration.ofDays(4)))
                .withFailedReminderAt(failedAt));

    assertThat(facts.attempts()).isEqualTo(1);
    assertThat(facts.failedReminders30d()).isEqualTo(2);
    assertThat(facts.lastReminder()).contains(failedAt);
    assertThat(facts.collectionMessages7d()).isEqualTo(1);
  }

  @Test
  void a_suppressed_reminder_is_no_attempt_no_failure_and_no_contact_but_restarts_the_interval() {
    Instant cancelledAt = now().minus(Duration.ofHours(2));
    CollectionFacts facts =
        factsOf(
            aPastDueMember()
                .withReminderAt(now().minus(Duration.ofDays(5)))
                .withAttempt(cancelledAt, AttemptKind.FIRM, AttemptOutcome.SUPPRESSED)
                .withAttempt(
                    now().minus(Duration.ofHours(1)),
                    AttemptKind.INVOICE,
                    AttemptOutcome.SUPPRESSED));

    assertThat(facts.attempts()).isEqualTo(1);
    assertThat(facts.attempts30d()).isEqualTo(1);
    assertThat(facts.failedReminders30d()).isZero();
    assertThat(facts.lastReminder()).contains(cancelledAt);
    assertThat(facts.collectionMessages7d()).isEqualTo(1);
    assertThat(facts.lastContact()).contains(now().minus(Duration.ofDays(5)));
  }

  @Test
  void attempts_before_the_club_local_start_of_the_delinquency_do_not_count() {
    CollectionFacts facts =
        factsOf(
            aPastDueMember()
                .since(TODAY.minusDays(10))
                .withReminderAt(at(TODAY.minusDays(11).atTime(23, 59)))
                .withReminderAt(at(TODAY.minusDays(10).atStartOfDay())));

    assertThat(facts.attempts()).isEqualTo(1);
  }

  @Test
  void invoices_are_not_attempts_but_are_collection_messages() {
    CollectionFacts facts =
        factsOf(
            aPastDueMember()
                .withInvoiceAt(now().minus(Duration.ofDays(1)))
                .withAttempt(
                    now().minus(Duration.ofDays(2)), AttemptKind.INVOICE, AttemptOutcome.FAILED));

    assertThat(facts.attempts()).isZero();
    assertThat(facts.lastReminder()).isEmpty();
    assertThat(facts.collectionMessages7d()).isEqualTo(1);
    assertThat(facts.lastContact()).contains(now().minus(Duration.ofDays(1)));
  }

  @ParameterizedTest(name = "a reminder {0} days ago is in the 30-day count: {1}")
  @CsvSource({"29, true", "30, false", "31, false"})
  void the_thirty_day_counts_leave_out_what_is_thirty_days_old(long daysAgo, boolean counted) {
    Instant at = now().minus(Duration.ofDays(daysAgo));
    CollectionFacts facts =
        factsOf(aPastDueMember().pastDueForDays(60).withReminderAt(at).withFailedReminderAt(at));

    assertThat(facts.attempts()).isEqualTo(1);
    assertThat(facts.attempts30d()).isEqualTo(counted ? 1 : 0);
    assertThat(facts.failedReminders30d()).isEqualTo(counted ? 1 : 0);
  }

  @Test
  void days_past_due_use_the_club_local_date_not_the_utc_date() {
    // 22:30 in New York is already the next day in UTC.
    Instant lateEvening = at(LocalDateTime.of(TODAY, LocalTime.of(22, 30)));
    CollectionFacts facts = factsOf(aPastDueMember().since(TODAY.minusDays(3)), lateEvening);

    assertThat(facts.daysPastDue()).isEqualTo(3);
  }
}
