package com.gymops.application.care;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.application.port.store.SummaryReads;
import com.gymops.domain.Approval;
import com.gymops.domain.ClubId;
import com.gymops.domain.Money;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the daily summary says for a busy day, a quiet day, failures and pending approvals. */
class DailySummaryTextTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
  private static final String LINK = "https://ops.mainstreet.example/console/approvals";

  private static final SummaryReads.Activity QUIET =
      new SummaryReads.Activity(Map.of(), List.of(), 0, 0, 0, 0, 0, 0, Money.ofCents(0));

  @Test
  void a_busy_day_gives_runs_by_workflow_texts_doors_and_money() {
    SummaryReads.Activity busy =
        new SummaryReads.Activity(
            Map.of(
                WorkflowId.DOOR_ACCESS,
                Map.of(RunStatus.SUCCEEDED, 17L),
                WorkflowId.PAST_DUE_MONITORING,
                Map.of(RunStatus.SUCCEEDED, 1L)),
            List.of(),
            42,
            3,
            0,
            2,
            1,
            4,
            Money.ofCents(34_050));

    String text = DailySummaryText.compose(DAY, busy, List.of(), LINK);

    assertThat(text)
        .isEqualTo(
            "daily summary for Tue Dec 1. Ran 18 times: past-due-monitoring 1 ok, door-access 17"
                + " ok. Sent 42 texts and 3 emails. Doors: 2 locks, 1 unlock. Collected $340.50"
                + " (4 payments). No approvals pending.");
  }

  @Test
  void a_quiet_day_says_so_rather_than_listing_zeros() {
    String text = DailySummaryText.compose(DAY, QUIET, List.of(), null);

    assertThat(text)
        .isEqualTo(
            "daily summary for Tue Dec 1. No workflow ran. No messages to members. Doors: 0 locks,"
                + " 0 unlocks. No payments recorded. No approvals pending.");
  }

  @Test
  void failures_are_counted_per_workflow_and_the_first_are_named_with_their_error() {
    List<SummaryReads.FailedRun> failed =
        List.of(
            new SummaryReads.FailedRun(
                WorkflowId.BATCH_INVOICES, "run-1", RunStatus.FAILED, "cannot write report"),
            new SummaryReads.FailedRun(
                WorkflowId.DOOR_ACCESS, "run-2", RunStatus.INTERRUPTED, null),
            new SummaryReads.FailedRun(
                WorkflowId.DOOR_ACCESS, "run-3", RunStatus.FAILED, "x".repeat(200)),
            new SummaryReads.FailedRun(
                WorkflowId.DOOR_ACCESS, "run-4", RunStatus.FAILED, "database unreachable"));
    SummaryReads.Activity activity =
        new SummaryReads.Activity(
            Map.of(
                WorkflowId.BATCH_INVOICES,
                Map.of(RunStatus.FAILED, 1L),
                WorkflowId.DOOR_ACCESS,
                Map.of(
                    RunStatus.SUCCEEDED, 10L,
                    RunStatus.PARTIAL, 1L,
                    RunStatus.FAILED, 2L,
                    RunStatus.INTERRUPTED, 1L)),
            failed,
            1,
            0,
            2,
            0,
            0,
            0,
            Money.ofCents(0));

    String text = DailySummaryText.compose(DAY, activity, List.of(), null);

    assertThat(text)
        .contains(
            "Ran 15 times: batch-invoices 1 (1 failed), door-access 14 (1 partial, 2 failed, 1"
                + " interrupted).",
            "Failed: batch-invoices run-1 (failed: cannot write report).",
            "Failed: door-access run-2 (interrupted: no error recorded).",
            "Failed: door-access run-3 (failed: " + "x".repeat(77) + "...).",
            "And 1 more failed run; see gymops runs.",
            "Sent 1 text; 2 failed.")
        .doesNotContain("run-4", "x".repeat(78));
  }

  @Test
  void each_state_of_the_days_messages_has_its_own_word_and_only_what_left_is_sent() {
    SummaryReads.Activity waitingOnly =
        new SummaryReads.Activity(
            Map.of(), List.of(), 0, 0, 0, 0, 0, 0, Money.ofCents(0), 0, 3, 0, 0);
    SummaryReads.Activity everyState =
        new SummaryReads.Activity(
            Map.of(), List.of(), 5, 1, 2, 0, 0, 0, Money.ofCents(0), 4, 3, 7, 0);

    assertThat(DailySummaryText.compose(DAY, waitingOnly, List.of(), null))
        .contains("Sent no messages to members; 3 queued.")
        .doesNotContain("No messages to members.");
    assertThat(DailySummaryText.compose(DAY, everyState, List.of(), null))
        .contains(
            "Sent 5 texts and 1 email; 3 queued, 7 deferred to texting hours or a retry, 4"
                + " suppressed, 2 failed.");
  }

  @Test
  void what_the_log_provider_wrote_down_is_not_called_sent() {
    SummaryReads.Activity logged =
        new SummaryReads.Activity(
            Map.of(), List.of(), 0, 0, 0, 0, 0, 0, Money.ofCents(0), 0, 0, 0, 4);

    assertThat(DailySummaryText.compose(DAY, logged, List.of(), null))
        .contains("Sent no messages to members; 4 logged, not sent (no provider configured).");
  }

  @Test
  void pending_approvals_are_counted_by_kind_with_the_console_link() {
    List<Approval> pending =
        List.of(
            approval("a1", Approval.Kind.LOCKS_OVER_LIMIT),
            approval("a2", Approval.Kind.AGENT_HOLD),
            approval("a3", Approval.Kind.AGENT_HOLD));

    assertThat(DailySummaryText.compose(DAY, QUIET, pending, LINK))
        .endsWith("3 approvals pending (2 agent_hold, 1 locks_over_limit): " + LINK + ".");
    assertThat(DailySummaryText.compose(DAY, QUIET, pending.subList(0, 1), null))
        .endsWith("1 approval pending (1 locks_over_limit): gymops approvals.");
  }

  private static Approval approval(String id, Approval.Kind kind) {
    Instant at = Instant.parse("2026-12-01T15:00:00Z");
    return new Approval(
        id,
        new ClubId("main"),
        kind,
        WorkflowId.DOOR_ACCESS,
        "summary",
        "door.breaker",
        "run-1",
        at,
        at.plusSeconds(4 * 3600),
        Approval.Status.PENDING,
        null,
        null,
        null,
        null,
        null,
        List.of());
  }
}
