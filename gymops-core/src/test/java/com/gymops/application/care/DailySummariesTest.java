package com.gymops.application.care;

import static com.gymops.application.run.ClubPopulation.TODAY;
import static com.gymops.application.run.ClubPopulation.local;
import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.persistence.Persistence;
import com.gymops.adapter.reports.CsvReportWriter;
import com.gymops.application.run.ActionExecutor;
import com.gymops.application.run.ManagerMessages;
import com.gymops.application.run.Outcome;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunRequest;
import com.gymops.application.run.WorkflowRunner;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.Payment;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.MessageTemplates;
import com.gymops.testing.Runners;
import com.gymops.testing.TestClub;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily summary on a real database: what it counts, and that it is queued once per club and
 * club-day however many ticks, restarts or nodes try.
 */
class DailySummariesTest {
  private static final Instant TEN = local(TODAY, LocalTime.of(10, 0));
  private static final Instant SIX_PM = local(TODAY, LocalTime.of(18, 0));
  private static final String KEY = "daily-summary:main:" + TODAY;

  @TempDir Path directory;
  private TestClub club;

  @BeforeEach
  void open() {
    club = TestClub.in(directory);
  }

  @AfterEach
  void close() {
    club.close();
  }

  private DailySummaries summaries(GymOpsConfig config) {
    return new DailySummaries(
        config,
        Persistence.summaryReads(club.database()),
        club.stores().approvals(),
        club.stores().outbox(),
        new ManagerMessages(club.stores().outbox(), MessageTemplates.defaults()),
        club.clock());
  }

  /**
   * Twelve members to lock trip the breaker at 15:00 (one approval, pending until 19:00), and one
   * of them pays.
   */
  private void aBusyDay() {
    List<Member> members = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      members.add(
          aMember()
              .withId(String.format("L%02d", i))
              .withBalance("30.00", TODAY.minusDays(5))
              .build());
    }
    club.seed(members.toArray(Member[]::new));
    WorkflowRunner runner =
        Runners.runner(
            club.config(),
            club.stores(),
            new ActionExecutor(club.stores(), MessageTemplates.defaults()),
            Runners.planner(club.stores(), MessageTemplates.defaults()),
            new CsvReportWriter(directory.resolve("reports")),
            club.clock(),
            WorkflowRunner.NO_AGENT,
            Runners.filing(club.config(), club.stores(), club.clock()));
    club.clock().set(TEN);
    runner.run(
        new RunRequest(WorkflowId.PAST_DUE_MONITORING, TestClub.MAIN, RunMode.RULES, false, TEN));
    club.dispatcher().dispatch(TEN.plusSeconds(60));
    Instant three = local(TODAY, LocalTime.of(15, 0));
    club.clock().set(three);
    runner.run(new RunRequest(WorkflowId.DOOR_ACCESS, TestClub.MAIN, RunMode.RULES, false, three));
    club.stores()
        .payments()
        .apply(
            new Payment("pay-1", new MemberId("L01"), Money.parse("30.00"), TEN),
            TEN.plusSeconds(120));
  }

  @Test
  void the_summary_counts_the_club_days_runs_texts_payments_and_pending_approvals() {
    aBusyDay();
    club.clock().set(SIX_PM);

    String text = summaries(club.config()).preview(onlyClub(), TODAY).text();

    long texts =
        club.count(
            "SELECT COUNT(*) FROM outbound_message WHERE purpose <> 'MANAGER'"
                + " AND status = 'SENT'");
    assertThat(texts).isPositive();
    assertThat(text)
        .startsWith("daily summary for Tue Dec 1.")
        .contains(
            "Ran 2 times: past-due-monitoring 1 ok, door-access 1 ok.",
            "Sent " + texts + " texts.",
            "Doors: 0 locks, 0 unlocks.",
            "Collected $30.00 (1 payment).",
            "1 approval pending (1 locks_over_limit): gymops approvals.");
  }

  @Test
  void texts_a_run_only_queued_are_not_counted_as_sent_until_the_dispatcher_sends_them() {
    club.seed(aMember().withId("Q1").withBalance("30.00", TODAY.minusDays(5)).build());
    WorkflowRunner runner =
        Runners.runner(
            club.config(),
            club.stores(),
            new ActionExecutor(club.stores(), MessageTemplates.defaults()),
            Runners.planner(club.stores(), MessageTemplates.defaults()),
            new CsvReportWriter(directory.resolve("reports")),
            club.clock(),
            WorkflowRunner.NO_AGENT,
            Runners.filing(club.config(), club.stores(), club.clock()));
    club.clock().set(TEN);
    runner.run(
        new RunRequest(WorkflowId.PAST_DUE_MONITORING, TestClub.MAIN, RunMode.RULES, false, TEN));
    assertThat(club.count("SELECT COUNT(*) FROM outbound_message WHERE status = 'QUEUED'"))
        .isPositive();

    String queuedOnly = summaries(club.config()).preview(onlyClub(), TODAY).text();
    club.dispatcher().dispatch(TEN.plusSeconds(60));
    String afterDispatch = summaries(club.config()).preview(onlyClub(), TODAY).text();

    // queued is its own word: before, a day with a waiting text said "No messages to members."
    assertThat(queuedOnly).contains("Sent no messages to members; 1 queued.");
    assertThat(afterDispatch).contains("Sent 1 text.");
  }

  @Test
  void the_fire_queues_the_summary_once_at_its_time_however_often_and_wherever_it_runs() {
    aBusyDay();
    DailySummaries node = summaries(club.config());

    club.clock().set(SIX_PM.minusSeconds(60));
    assertThat(node.sendDue()).isEmpty();
    assertThat(club.stores().outbox().findByKey(KEY)).isEmpty();

    club.clock().set(SIX_PM);
    List<Outcome> first = node.sendDue();
    club.clock().set(SIX_PM.plusSeconds(60));
    List<Outcome> again = node.sendDue();
    // Another node, or this one after a restart, on the same database.
    List<Outcome> otherNode = summaries(club.config()).sendDue();

    assertThat(first).extracting(Outcome::kind).containsExactly(Outcome.Kind.DONE);
    assertThat(again).isEmpty();
    assertThat(otherNode).isEmpty();
    OutboundMessage summary = club.stores().outbox().findByKey(KEY).orElseThrow();
    assertThat(summary.recipient()).isEqualTo(TestClub.MANAGER_PHONE);
    assertThat(summary.body())
        .startsWith("Main Street Fitness: daily summary for Tue Dec 1.")
        .contains("Collected $30.00", "1 approval pending");
    assertThat(
            club.count(
                "SELECT COUNT(*) FROM outbound_message WHERE idempotency_key LIKE"
                    + " 'daily-summary:%'"))
        .isEqualTo(1);

    // The dispatcher sends it at once: the manager is staff, not bound by texting hours.
    club.dispatcher().dispatch(SIX_PM.plusSeconds(60));
    assertThat(club.sms().received()).anyMatch(m -> m.idempotencyKey().equals(KEY));
  }

  @Test
  void a_race_between_two_nodes_queues_one_summary() {
    club.clock().set(SIX_PM);
    DailySummaries one = summaries(club.config());
    DailySummaries two = summaries(club.config());

    List<Outcome> outcomes = new ArrayList<>(one.sendDue());
    // The second node passed the cheap check before the first queued: the outbox key decides.
    outcomes.add(
        new ManagerMessages(club.stores().outbox(), MessageTemplates.defaults())
            .notify(
                club.config().clubs().get(0).club(),
                KEY,
                two.preview(onlyClub(), TODAY).text(),
                SIX_PM,
                null));

    assertThat(outcomes)
        .extracting(Outcome::kind)
        .containsExactly(Outcome.Kind.DONE, Outcome.Kind.ALREADY_DONE);
  }

  @Test
  void off_sends_nothing_and_a_public_url_links_the_consoles_approvals() {
    GymOpsConfig off =
        ConfigLoader.parse(
            configWith("notifications: {daily_summary_at: off}\n"), Map.of(), TestClub.ZONE);
    GymOpsConfig linked =
        ConfigLoader.parse(
            configWith("server: {public_url: \"https://ops.mainstreet.example/\"}\n"),
            Map.of(),
            TestClub.ZONE);
    aBusyDay();
    club.clock().set(SIX_PM.plusSeconds(1800));

    assertThat(off.notifications().summaryTime()).isEmpty();
    assertThat(summaries(off).sendDue()).isEmpty();
    assertThat(club.stores().outbox().findByKey(KEY)).isEmpty();
    assertThat(summaries(linked).preview(onlyClub(), TODAY).text())
        .endsWith(": https://ops.mainstreet.example/console/approvals.");
  }

  @Test
  void a_quiet_club_still_gets_its_summary_and_another_days_is_its_own() {
    club.clock().set(SIX_PM);
    summaries(club.config()).sendDue();
    club.clock().set(SIX_PM.plusSeconds(24 * 3600));
    summaries(club.config()).sendDue();

    assertThat(club.stores().outbox().findByKey(KEY).orElseThrow().body())
        .contains("No workflow ran.", "No payments recorded.", "No approvals pending.");
    assertThat(club.stores().outbox().findByKey("daily-summary:main:" + TODAY.plusDays(1)))
        .isPresent();
  }

  private com.gymops.config.ClubSettings onlyClub() {
    return club.config().clubs().get(0);
  }

  private static String configWith(String extra) {
    return """
        clubs:
          - id: main
            name: Main Street Fitness
            timezone: America/New_York
            manager: {phone: "+12125551234", email: manager@example.com}
        """
        + extra;
  }
}
