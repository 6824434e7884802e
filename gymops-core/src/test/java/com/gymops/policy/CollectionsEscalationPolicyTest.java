package com.gymops.policy;

import static com.gymops.policy.CollectionsClub.TODAY;
import static com.gymops.policy.CollectionsClub.clock;
import static com.gymops.policy.CollectionsClub.now;
import static com.gymops.policy.CollectionsClub.snapshot;
import static com.gymops.policy.PastDueMemberBuilder.aPastDueMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.Money;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollectionsEscalationPolicyTest {
  private final CollectionsEscalationPolicy policy = new CollectionsEscalationPolicy();

  private Plan plan(MemberSnapshot... members) {
    return policy.plan(snapshot(members), clock());
  }

  /** A member with {@code recent} delivered and {@code failed} failed reminders in 30 days. */
  private static PastDueMemberBuilder aMemberWith(
      String amount, long daysPastDue, int recent, int failed) {
    PastDueMemberBuilder member = aPastDueMember().owing(amount).pastDueForDays(daysPastDue);
    for (int i = 0; i < recent; i++) {
      member.withReminderAt(now().minus(Duration.ofDays(1 + i)));
    }
    for (int i = 0; i < failed; i++) {
      member.withFailedReminderAt(now().minus(Duration.ofDays(1 + i)).plusSeconds(60));
    }
    return member;
  }

  private static EscalationSummary summary(Plan plan) {
    return (EscalationSummary) plan.summary();
  }

  private static List<EscalationSummary.Case> cases(Plan plan) {
    return summary(plan).cases();
  }

  @ParameterizedTest(name = "${0}, {1} days, {2} attempts, {3} failed -> [{4}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "200.00 | 10 | 0 | 0 | ''",
        "200.01 | 10 | 0 | 0 | amount",
        "60.00  | 30 | 0 | 0 | ''",
        "60.00  | 31 | 0 | 0 | days_past_due",
        "60.00  | 20 | 4 | 0 | ''",
        "60.00  | 20 | 5 | 0 | attempts_30d",
        "60.00  | 10 | 0 | 1 | ''",
        "60.00  | 10 | 0 | 2 | failed_reminders",
        "49.99  | 90 | 6 | 3 | ''",
        "250.00 | 40 | 5 | 2 | amount,attempts_30d,days_past_due,failed_reminders",
      })
  void a_member_is_a_case_for_each_reason_past_its_threshold(
      String amount, long days, int attempts, int failed, String reasons) {
    Plan plan = plan(aMemberWith(amount, days, attempts, failed).build());

    if (reasons.isEmpty()) {
      assertThat(plan.actions()).isEmpty();
      assertThat(summary(plan).escalationCases()).isZero();
    } else {
      assertThat(cases(plan))
          .singleElement()
          .satisfies(c -> assertThat(c.reasons()).isEqualTo(List.of(reasons.split(","))));
    }
  }

  @Test
  void each_case_gets_an_urgent_billing_note_with_name_amount_attempts_and_last_contact() {
    Plan plan =
        plan(
            aPastDueMember()
                .named("Dana", "Okafor")
                .owing("240.00")
                .pastDueForDays(35)
                .withReminderAt(CollectionsClub.at(TODAY.minusDays(3).atTime(9, 15)))
                .build());

    assertThat(plan.actions().get(0).effect())
        .isEqualTo(
            new Effect.AddNote(
                NotePriority.URGENT,
                NoteCategory.BILLING,
                "ESCALATION: balance over $200.00; 35 days past due — Dana Okafor,"
                    + " past due $240.00, 1 attempt, last contact 2026-03-17",
                java.util.Set.of(EscalationReason.AMOUNT, EscalationReason.DAYS_PAST_DUE)));
    assertThat(plan.actions().get(0).rule()).isEqualTo("escalation.case");
  }

  @ParameterizedTest(name = "escalated {0} days ago for the same reasons: {1} -> noted: {2}")
  @CsvSource({"6, true, false", "1, true, false", "7, true, true", "6, false, true"})
  void a_case_is_not_noted_again_within_seven_days_unless_its_reasons_changed(
      long daysAgo, boolean sameReasons, boolean noted) {
    String[] lastReasons =
        sameReasons ? new String[] {"amount"} : new String[] {"amount", "days_past_due"};
    Plan plan =
        plan(
            aPastDueMember()
                .owing("300.00")
                .pastDueForDays(10)
                .lastEscalatedOn(TODAY.minusDays(daysAgo), lastReasons)
                .build());

    assertThat(plan.actions())
        .filteredOn(a -> a.effect() instanceof Effect.AddNote)
        .hasSize(noted ? 1 : 0);
    assertThat(summary(plan).escalationCases()).isEqualTo(1);
    assertThat(plan.actions())
        .filteredOn(a -> a.effect() instanceof Effect.NotifyManager)
        .hasSize(1);
  }

  @Test
  void members_with_an_open_referral_are_not_escalated() {
    Plan plan =
        plan(aPastDueMember().owing("900.00").pastDueForDays(60).withOpenReferral().build());

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.skipped()).containsEntry(CollectionsEscalationPolicy.OPEN_REFERRAL, 1);
  }

  @Test
  void the_manager_gets_one_summary_for_all_cases() {
    Plan plan =
        plan(
            aPastDueMember().named("Ann", "Lee").owing("300.00").build(),
            aPastDueMember().named("Bo", "Chen").owing("250.50").build(),
            aPastDueMember().owing("20.00").build());

    assertThat(plan.actions())
        .filteredOn(a -> a.effect() instanceof Effect.NotifyManager)
        .singleElement()
        .satisfies(
            action -> {
              assertThat(action.member()).isNull();
              assertThat(action.rule()).isEqualTo("escalation.summary");
              assertThat(((Effect.NotifyManager) action.effect()).text())
                  .startsWith(
                      "2 escalation cases, $550.50 at risk: Ann Lee $300.00, Bo Chen $250.50");
            });
  }

  @Test
  void no_cases_means_no_manager_text() {
    Plan plan = plan(aPastDueMember().owing("60.00").build());

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.summary()).isEqualTo(new EscalationSummary(List.of(), Money.ZERO, List.of()));
  }

  @Test
  void the_report_lists_each_case_and_what_to_do() {
    Plan plan =
        plan(
            aMemberWith("120.00", 10, 0, 2)
                .withId("M-7")
                .named("Kim", "Park")
                .withReminderAt(CollectionsClub.at(TODAY.minusDays(9).atTime(10, 0)))
                .build());

    assertThat(summary(plan).totalAtRisk()).isEqualTo(Money.parse("120.00"));
    assertThat(cases(plan))
        .containsExactly(
            new EscalationSummary.Case(
                "M-7",
                "Kim Park",
                Money.parse("120.00"),
                1,
                10L,
                List.of("failed_reminders"),
                "2026-03-11"));
    assertThat(summary(plan).recommendedActions())
        .containsExactly(EscalationReason.FAILED_REMINDERS.recommendedAction());
  }
}
