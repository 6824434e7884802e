package com.gymops.policy;

import static com.gymops.policy.CollectionsClub.TODAY;
import static com.gymops.policy.CollectionsClub.clock;
import static com.gymops.policy.CollectionsClub.snapshot;
import static com.gymops.policy.PastDueMemberBuilder.aPaidUpMember;
import static com.gymops.policy.PastDueMemberBuilder.aPastDueMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.Money;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollectionsReferralPolicyTest {
  private final CollectionsReferralPolicy policy = new CollectionsReferralPolicy();

  private Plan plan(MemberSnapshot... members) {
    return policy.plan(snapshot(members), clock());
  }

  @ParameterizedTest(name = "{0} attempts, {1} days, ${2} -> referred: {3}")
  @CsvSource({
    "3, 14, 50.00,  true",
    "7, 60, 900.00, true",
    "2, 14, 50.00,  false",
    "3, 13, 50.00,  false",
    "3, 14, 49.99,  false",
  })
  void a_member_is_referred_at_three_attempts_fourteen_days_and_fifty_dollars(
      int attempts, long days, String amount, boolean referred) {
    Plan plan =
        plan(aPastDueMember().owing(amount).pastDueForDays(days).withReminders(attempts).build());

    assertThat(plan.actions())
        .filteredOn(a -> a.effect() instanceof Effect.ReferToCollections)
        .hasSize(referred ? 1 : 0);
    assertThat(((ReferralSummary) plan.summary()).membersReferred()).isEqualTo(referred ? 1 : 0);
  }

  @Test
  void a_referral_comes_with_an_urgent_billing_note() {
    Plan plan =
        plan(aPastDueMember().owing("180.00").since(TODAY.minusDays(20)).withReminders(4).build());

    assertThat(plan.actions())
        .extracting(Action::effect)
        .containsExactly(
            new Effect.ReferToCollections(Money.parse("180.00"), 4),
            new Effect.AddNote(
                NotePriority.URGENT,
                NoteCategory.BILLING,
                "REFERRED TO COLLECTIONS: $180.00 past due since 2026-02-28, 4 attempts"),
            new Effect.NotifyManager(
                "1 member referred to collections, $180.00 in total: Alex Rivera $180.00. The"
                    + " referral report is ready for the agency."));
    assertThat(plan.actions()).extracting(Action::rule).startsWith("referral.thresholds");
  }

  @Test
  void a_member_already_referred_is_not_referred_again() {
    Plan plan =
        plan(
            aPastDueMember()
                .owing("500.00")
                .pastDueForDays(40)
                .withReminders(5)
                .withOpenReferral()
                .build());

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.skipped()).containsEntry(CollectionsReferralPolicy.ALREADY_REFERRED, 1);
  }

  @Test
  void the_report_has_contact_details_for_the_agency() {
    Plan plan =
        plan(
            aPastDueMember()
                .withId("M-42")
                .named("Sam", "Diaz")
                .withPhone("+14155550123")
                .withEmail("sam@example.com")
                .owing("75.00")
                .since(TODAY.minusDays(30))
                .withReminders(3)
                .build(),
            aPaidUpMember().build(),
            aPastDueMember().owing("75.00").build());

    assertThat(plan.summary())
        .isEqualTo(
            new ReferralSummary(
                1,
                Money.parse("75.00"),
                List.of(
                    new ReferralSummary.Referral(
                        "M-42",
                        "Sam Diaz",
                        Money.parse("75.00"),
                        3,
                        "+14155550123",
                        "sam@example.com",
                        LocalDate.parse("2026-02-18"),
                        "2026-02-18")),
                LocalDate.parse("2026-03-20"),
                0));
  }

  @Test
  void nobody_to_refer_means_no_manager_text() {
    Plan plan = plan(aPastDueMember().owing("75.00").build());

    assertThat(plan.actions()).isEmpty();
    assertThat((ReferralSummary) plan.summary())
        .extracting(ReferralSummary::membersReferred, ReferralSummary::totalReferred)
        .containsExactly(0, Money.ZERO);
  }
}
