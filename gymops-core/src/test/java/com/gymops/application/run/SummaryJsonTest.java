package com.gymops.application.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.domain.Money;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.CampaignSummary;
import com.gymops.policy.DoorAccessSummary;
import com.gymops.policy.EscalationSummary;
import com.gymops.policy.InvoiceAmountRange;
import com.gymops.policy.InvoiceSummary;
import com.gymops.policy.PastDueSummary;
import com.gymops.policy.ReferralSummary;
import com.gymops.policy.RunSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SummaryJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<RunSummary> everyWorkflow() {
    return SummaryTextTest.everyWorkflow();
  }

  private static WorkflowId workflowOf(RunSummary summary) {
    return summary.accept(
        new RunSummary.Visitor<>() {
          @Override
          public WorkflowId campaigns(CampaignSummary s) {
            return WorkflowId.DAILY_CAMPAIGNS;
          }

          @Override
          public WorkflowId pastDue(PastDueSummary s) {
            return WorkflowId.PAST_DUE_MONITORING;
          }

          @Override
          public WorkflowId doorAccess(DoorAccessSummary s) {
            return WorkflowId.DOOR_ACCESS;
          }

          @Override
          public WorkflowId escalation(EscalationSummary s) {
            return WorkflowId.COLLECTIONS_ESCALATION;
          }

          @Override
          public WorkflowId referral(ReferralSummary s) {
            return WorkflowId.COLLECTIONS_REFERRAL;
          }

          @Override
          public WorkflowId invoices(InvoiceSummary s) {
            return WorkflowId.BATCH_INVOICES;
          }
        });
  }

  @ParameterizedTest
  @MethodSource("everyWorkflow")
  void a_stored_summary_reads_back_as_it_was_written(RunSummary summary) throws Exception {
    String stored = SummaryJson.write(summary).toString();

    assertThat(SummaryJson.read(workflowOf(summary), JSON.readTree(stored))).contains(summary);
  }

  @Test
  void the_past_due_summary_has_its_keys_and_no_figure_that_says_sent() {
    JsonNode json = SummaryJson.write(new PastDueSummary(3, 1, 1, 1, 1, Money.parse("1234.50"), 1));

    assertThat(json.toString())
        .isEqualTo(
            "{\"members_processed\":3,\"reminders_queued\":{\"friendly\":1,\"firm\":1,\"final\":1},"
                + "\"doors_locked\":1,\"total_past_due\":1234.50,\"urgent_cases\":1}");
  }

  @Test
  void the_figures_that_were_always_zero_are_gone() {
    assertThat(SummaryJson.write(new CampaignSummary(1, 0, 0, 0, 0)).has("failed")).isFalse();
    assertThat(SummaryJson.write(new DoorAccessSummary(1, 0, 0, 1, 0, 0)).has("errors")).isFalse();
    assertThat(SummaryJson.write(InvoiceSummary.of(List.of())).has("failed_sends")).isFalse();
  }

  @Test
  void a_report_stored_before_the_summaries_said_queued_still_reads() throws Exception {
    String pastDue =
        "{\"summary\":{\"members_processed\":3,\"reminders_sent\":{\"friendly\":1,\"firm\":2,"
            + "\"final\":0},\"doors_locked\":0,\"total_past_due\":150.5,\"urgent_cases\":0}}";
    String door =
        "{\"summary\":{\"members_locked\":2,\"members_unlocked\":1,\"notifications_sent\":3,"
            + "\"locks_withheld_by_breaker\":0,\"lock_warnings\":1,\"errors\":0}}";
    String campaigns =
        "{\"summary\":{\"total_sent\":3,\"failed\":0,\"by_category\":{\"prospects\":1,"
            + "\"green\":2,\"ppv\":0}}}";
    String invoices =
        "{\"summary\":{\"total_invoices\":1,\"total_amount\":75.00,\"failed_sends\":0,"
            + "\"by_amount_range\":{\"0.01-49.99\":{\"count\":0,\"amount\":0.00},"
            + "\"50.00-99.99\":{\"count\":1,\"amount\":75.00},\"100.00-199.99\":{\"count\":0,"
            + "\"amount\":0.00},\"200.00+\":{\"count\":0,\"amount\":0.00}}}}";

    assertThat(SummaryJson.ofReport(WorkflowId.PAST_DUE_MONITORING, pastDue))
        .contains(new PastDueSummary(3, 1, 2, 0, 0, Money.parse("150.50"), 0));
    assertThat(SummaryJson.ofReport(WorkflowId.DOOR_ACCESS, door))
        .contains(new DoorAccessSummary(2, 1, 1, 3, 0, 0));
    assertThat(SummaryJson.ofReport(WorkflowId.DAILY_CAMPAIGNS, campaigns))
        .contains(new CampaignSummary(1, 2, 0, 0, 0));
    assertThat(SummaryJson.ofReport(WorkflowId.BATCH_INVOICES, invoices))
        .contains(
            new InvoiceSummary(
                Map.of(
                    InvoiceAmountRange.UNDER_100, new InvoiceSummary.Band(1, Money.parse("75")))));
  }

  @Test
  void a_run_without_a_report_has_no_summary() {
    assertThat(SummaryJson.ofReport(WorkflowId.DOOR_ACCESS, null)).isEmpty();
    assertThat(SummaryJson.ofReport(WorkflowId.DOOR_ACCESS, "{\"status\":\"failed\"}")).isEmpty();
  }
}
