package com.gymops.policy;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.Club;
import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.Member;
import com.gymops.domain.Money;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import com.gymops.domain.Referral;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchInvoicesPolicyTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Club CLUB =
      new Club(new ClubId("main"), "Riverside Fitness", NEW_YORK, "+15550100100", null);
  private static final Instant FIRST_OF_MAY = local("2026-05-01T07:00");
  private static final LocalDate SINCE = LocalDate.of(2026, 4, 1);

  private static Instant local(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
  }

  private static Plan plan(ClubPolicy policy, Instant now, MemberSnapshot... members) {
    return new BatchInvoicesPolicy()
        .plan(new ClubSnapshot(CLUB, policy, Arrays.asList(members)), Clock.fixed(now, NEW_YORK));
  }

  private static Plan plan(MemberSnapshot... members) {
    return plan(ClubPolicy.DEFAULTS, FIRST_OF_MAY, members);
  }

  private static Member owing(String amount) {
    return aMember().withBalance(amount, SINCE).build();
  }

  private static MemberSnapshot snapshot(Member member, CollectionAttempt... attempts) {
    return new MemberSnapshot(
        member, List.of(attempts), MarketingHistory.NONE, Optional.empty(), Optional.empty());
  }

  private static CollectionAttempt attempt(
      Member member, AttemptKind kind, Instant at, AttemptOutcome outcome) {
    return new CollectionAttempt(member.id(), at, kind, Channel.SMS, outcome);
  }

  private static long invoices(Plan plan) {
    return plan.actions().stream().filter(a -> a.effect() instanceof Effect.SendInvoice).count();
  }

  @Test
  void invoices_a_member_with_a_balance_and_notes_it_on_the_account() {
    Member member = owing("120.00");

    Plan plan = plan(snapshot(member));

    assertThat(plan.actions())
        .extracting(
            Action::member, action -> PlanEffects.withoutMessage(action.effect()), Action::rule)
        .containsExactly(
            tuple(
                member.id(),
                new Effect.SendInvoice(Money.parse("120.00"), null),
                "invoice.monthly"),
            tuple(
                member.id(),
                new Effect.AddNote(
                    NotePriority.NORMAL,
                    NoteCategory.BILLING,
                    "Monthly invoice sent - Amount: $120.00"),
                "invoice.monthly"));
    assertThat(plan.actions().get(0).inputs())
        .containsEntry("amount", "120.00")
        .containsEntry("past_due_since", "2026-04-01")
        .containsEntry("last_invoice", "never")
        .containsEntry("collection_messages_7d", "0");
  }

  @ParameterizedTest(name = "balance {0}: invoiced = {1}")
  @CsvSource({"0.00, false", "0.01, true", "9999.99, true"})
  void invoices_every_balance_of_at_least_one_cent(String balance, boolean invoiced) {
    Plan plan = plan(snapshot(owing(balance)));

    assertThat(invoices(plan)).isEqualTo(invoiced ? 1 : 0);
    assertThat(plan.skipped()).isEmpty();
  }

  @Test
  void a_member_with_an_open_referral_gets_no_invoice() {
    Member member = owing("300.00");
    Referral referral =
        new Referral(
            member.id(),
            member.clubId(),
            LocalDate.of(2026, 4, 20),
            member.pastDue(),
            3,
            null,
            "r1");

    Plan plan =
        plan(
            new MemberSnapshot(
                member, List.of(), MarketingHistory.NONE, Optional.of(referral), Optional.empty()));

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.skipped()).containsExactly(Map.entry("open referral", 1));
  }

  @ParameterizedTest(name = "earlier invoice at {0} ({1}): invoiced again = {2}")
  @CsvSource({
    "2026-05-01T07:00:00, delivered, false",
    "2026-05-01T00:00:00, failed,    false",
    "2026-04-30T23:59:59, sent,      true",
    "2026-04-01T07:00:00, delivered, true",
  })
  void invoices_a_member_once_per_club_month(String at, String outcome, boolean invoiced) {
    Member member = owing("80.00");
    CollectionAttempt earlier =
        attempt(
            member,
            AttemptKind.INVOICE,
            local(at),
            AttemptOutcome.valueOf(outcome.toUpperCase(Locale.ROOT)));

    Plan plan = plan(ClubPolicy.DEFAULTS, FIRST_OF_MAY.plusSeconds(60), snapshot(member, earlier));

    assertThat(invoices(plan)).isEqualTo(invoiced ? 1 : 0);
    if (!invoiced) {
      assertThat(plan.skipped()).containsExactly(Map.entry("already invoiced this month", 1));
    }
  }

  @Test
  void a_rerun_after_the_invoices_went_out_plans_nothing() {
    Member first = owing("25.00");
    Member second = owing("250.00");
    Plan firstRun = plan(snapshot(first), snapshot(second));
    List<MemberSnapshot> afterRun = new ArrayList<>();
    for (Member member : List.of(first, second)) {
      afterRun.add(
          snapshot(
              member, attempt(member, AttemptKind.INVOICE, FIRST_OF_MAY, AttemptOutcome.SENT)));
    }

    Plan rerun =
        plan(
            ClubPolicy.DEFAULTS,
            local("2026-05-01T15:00"),
            afterRun.toArray(MemberSnapshot[]::new));

    assertThat(invoices(firstRun)).isEqualTo(2);
    assertThat(rerun.actions()).isEmpty();
    assertThat(rerun.skipped()).containsExactly(Map.entry("already invoiced this month", 2));
  }

  @Test
  void an_invoice_that_would_be_the_third_collection_message_in_seven_days_waits() {
    Member member = owing("60.00");

    Plan plan =
        plan(
            snapshot(
                member,
                attempt(
                    member, AttemptKind.FRIENDLY, local("2026-04-25T10:00"), AttemptOutcome.SENT),
                attempt(
                    member,
                    AttemptKind.FIRM,
                    local("2026-04-29T10:00"),
                    AttemptOutcome.DELIVERED)));

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.skipped()).containsExactly(Map.entry("collection cap", 1));
  }

  @Test
  void failed_messages_do_not_count_towards_the_cap() {
    Member member = owing("60.00");

    Plan plan =
        plan(
            snapshot(
                member,
                attempt(
                    member, AttemptKind.FRIENDLY, local("2026-04-25T10:00"), AttemptOutcome.SENT),
                attempt(
                    member, AttemptKind.FIRM, local("2026-04-29T10:00"), AttemptOutcome.FAILED)));

    assertThat(invoices(plan)).isEqualTo(1);
    assertThat(plan.actions().get(0).inputs()).containsEntry("collection_messages_7d", "1");
  }

  @ParameterizedTest(name = "older message {0} before now: counted = {1}")
  @CsvSource({"PT168H, false", "PT167H59M59S, true"})
  void the_cap_counts_messages_of_the_last_seven_days_only(Duration age, boolean counted) {
    Member member = owing("60.00");

    Plan plan =
        plan(
            snapshot(
                member,
                attempt(member, AttemptKind.FRIENDLY, FIRST_OF_MAY.minus(age), AttemptOutcome.SENT),
                attempt(member, AttemptKind.FIRM, local("2026-04-29T10:00"), AttemptOutcome.SENT)));

    assertThat(invoices(plan)).isEqualTo(counted ? 0 : 1);
  }

  @Test
  void a_reminder_queued_for_later_today_counts_towards_the_cap() {
    Member member = owing("60.00");

    Plan plan =
        plan(
            snapshot(
                member,
                attempt(
                    member, AttemptKind.FRIENDLY, local("2026-04-27T10:00"), AttemptOutcome.SENT),
                attempt(member, AttemptKind.FIRM, local("2026-05-01T08:00"), AttemptOutcome.SENT)));

    assertThat(plan.skipped()).containsExactly(Map.entry("collection cap", 1));
  }

  @Test
  void follows_the_club_cap_setting() {
    ClubPolicy threePerWeek =
        new ClubPolicy(
            new MessagingRules(SendingWindow.DEFAULT, Duration.ofHours(72), 3),
            ReminderRules.DEFAULTS,
            AccessRules.DEFAULTS,
            EscalationRules.DEFAULTS,
            ReferralRules.DEFAULTS,
            CampaignRules.DEFAULTS);
    Member member = owing("60.00");

    Plan plan =
        plan(
            threePerWeek,
            FIRST_OF_MAY,
            snapshot(
                member,
                attempt(
                    member, AttemptKind.FRIENDLY, local("2026-04-25T10:00"), AttemptOutcome.SENT),
                attempt(member, AttemptKind.FIRM, local("2026-04-29T10:00"), AttemptOutcome.SENT)));

    assertThat(invoices(plan)).isEqualTo(1);
  }

  @Test
  void an_opted_out_member_is_still_invoiced_the_channel_is_decided_later() {
    Member member = aMember().optedOut().withBalance("40.00", SINCE).build();

    assertThat(invoices(plan(snapshot(member)))).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0} falls in {1}")
  @CsvSource({
    "0.01, 0.01-49.99",
    "49.99, 0.01-49.99",
    "50.00, 50.00-99.99",
    "99.99, 50.00-99.99",
    "100.00, 100.00-199.99",
    "199.99, 100.00-199.99",
    "200.00, 200.00+",
    "12345.67, 200.00+",
  })
  void buckets_amounts_by_range(String amount, String range) {
    assertThat(InvoiceAmountRange.of(Money.parse(amount)).label()).isEqualTo(range);

    Plan plan = plan(snapshot(owing(amount)));

    InvoiceSummary summary = (InvoiceSummary) plan.summary();
    assertThat(summary.byAmountRange().get(InvoiceAmountRange.of(Money.parse(amount))))
        .isEqualTo(new InvoiceSummary.Band(1, Money.parse(amount)));
  }

  @Test
  void summarises_totals_and_every_range_even_when_empty() {
    Plan plan =
        plan(
            snapshot(owing("10.00")),
            snapshot(owing("49.99")),
            snapshot(owing("150.00")),
            snapshot(owing("0.00")));

    InvoiceSummary summary = (InvoiceSummary) plan.summary();
    assertThat(summary.invoicesQueued()).isEqualTo(3);
    assertThat(summary.totalAmount()).isEqualTo(Money.parse("209.99"));
    assertThat(summary.byAmountRange())
        .containsExactly(
            Map.entry(
                InvoiceAmountRange.UNDER_50, new InvoiceSummary.Band(2, Money.parse("59.99"))),
            Map.entry(InvoiceAmountRange.UNDER_100, InvoiceSummary.Band.NONE),
            Map.entry(
                InvoiceAmountRange.UNDER_200, new InvoiceSummary.Band(1, Money.parse("150.00"))),
            Map.entry(InvoiceAmountRange.FROM_200, InvoiceSummary.Band.NONE));
  }
}
