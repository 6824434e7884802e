package com.gymops.application.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.Money;
import com.gymops.policy.CampaignSummary;
import com.gymops.policy.DoorAccessSummary;
import com.gymops.policy.EscalationSummary;
import com.gymops.policy.InvoiceAmountRange;
import com.gymops.policy.InvoiceSummary;
import com.gymops.policy.PastDueSummary;
import com.gymops.policy.ReferralSummary;
import com.gymops.policy.RunSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SummaryTextTest {
  private static final Pattern SENT = Pattern.compile("\\bsent\\b");

  static List<RunSummary> everyWorkflow() {
    return List.of(
        new CampaignSummary(5, 4, 3, 0, 0),
        new PastDueSummary(100, 37, 24, 39, 6, Money.parse("12345.67"), 9),
        new DoorAccessSummary(3, 2, 1, 6, 0, 0),
        new EscalationSummary(
            List.of(
                new EscalationSummary.Case(
                    "M1", "Ana Lopez", Money.parse("260.00"), 5, 40, List.of("amount"), "never")),
            Money.parse("260.00"),
            List.of("call the member")),
        new ReferralSummary(
            1,
            Money.parse("75.00"),
            List.of(
                new ReferralSummary.Referral(
                    "M1",
                    "Ana Lopez",
                    Money.parse("75.00"),
                    3,
                    "+14155550123",
                    "",
                    LocalDate.of(2026, 2, 18),
                    "2026-02-18")),
            LocalDate.of(2026, 3, 20),
            0),
        new InvoiceSummary(
            Map.of(InvoiceAmountRange.UNDER_50, new InvoiceSummary.Band(2, Money.parse("59.99")))));
  }

  @ParameterizedTest
  @MethodSource("everyWorkflow")
  void a_dry_run_never_says_sent_and_says_what_it_would_do(RunSummary summary) {
    String text = SummaryText.sentence(summary, true);

    assertThat(text).doesNotContainPattern(SENT).doesNotContain("queued");
    if (!(summary instanceof EscalationSummary)) {
      assertThat(text).contains("it would");
    }
  }

  @ParameterizedTest
  @MethodSource("everyWorkflow")
  void a_run_never_says_sent_for_what_it_only_queued(RunSummary summary) {
    assertThat(SummaryText.sentence(summary, false))
        .doesNotContainPattern(SENT)
        .doesNotContain("would");
  }

  @Test
  void a_run_whose_reminders_are_all_queued_says_queued_by_tier() {
    List<SummaryText.Line> lines =
        SummaryText.lines(
            new PastDueSummary(100, 37, 24, 39, 6, Money.parse("12345.67"), 9), false);

    assertThat(lines)
        .extracting(SummaryText.Line::toString)
        .containsExactly(
            "members processed: 100",
            "reminders queued: friendly 37, firm 24, final 39",
            "doors locked: 6",
            "total past due: $12,345.67",
            "urgent cases: 9");
  }

  @Test
  void the_same_dry_run_says_what_it_would_queue_and_lock() {
    assertThat(
            SummaryText.sentence(
                new PastDueSummary(100, 37, 24, 39, 6, Money.parse("12345.67"), 9), true))
        .isEqualTo(
            "members processed: 100; reminders it would queue: friendly 37, firm 24, final 39;"
                + " doors it would lock: 6; total past due: $12,345.67; urgent cases: 9");
  }

  @Test
  void door_access_says_notifications_queued_and_names_withheld_locks_only_when_there_are_some() {
    assertThat(SummaryText.sentence(new DoorAccessSummary(0, 1, 0, 1, 11, 0), false))
        .isEqualTo(
            "members locked: 0; members unlocked: 1; notifications queued: 1; lock warnings"
                + " queued: 0; locks withheld by breaker: 11");
  }

  @Test
  void campaigns_and_invoices_say_queued_with_their_breakdown() {
    assertThat(SummaryText.sentence(new CampaignSummary(5, 4, 3, 0, 0), false))
        .isEqualTo("campaign texts queued: 12; by category: prospects 5, green 4, ppv 3");
    assertThat(
            SummaryText.sentence(
                new InvoiceSummary(
                    Map.of(
                        InvoiceAmountRange.UNDER_50,
                        new InvoiceSummary.Band(2, Money.parse("59.99")),
                        InvoiceAmountRange.UNDER_200,
                        new InvoiceSummary.Band(1, Money.parse("150.00")))),
                false))
        .isEqualTo(
            "invoices queued: 3; total invoiced: $209.99; by amount range: 0.01-49.99: 2"
                + " ($59.99), 50.00-99.99: 0 ($0.00), 100.00-199.99: 1 ($150.00), 200.00+: 0"
                + " ($0.00)");
  }

  @Test
  void the_escalation_cases_come_with_their_rows_under_a_header() {
    SummaryText.Line cases = SummaryText.lines(everyWorkflow().get(3), false).get(0);

    assertThat(cases.toString()).isEqualTo("escalation cases: 1");
    assertThat(cases.table())
        .containsExactly(
            "member id | name | amount | attempts 30d | days past due | reasons | last contact",
            "M1 | Ana Lopez | $260.00 | 5 | 40 | [amount] | never");
  }
}
