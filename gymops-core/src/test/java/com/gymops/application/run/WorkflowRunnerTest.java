package com.gymops.application.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.application.run.RunReport.ReportedAction;
import com.gymops.domain.RunEvent;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowRun;
import com.gymops.testing.TestClub;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkflowRunnerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path directory;
  private final List<TestClub> opened = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(TestClub::close);
  }

  /**
   * The referral list executes without approval here: these properties are about executing a plan;
   * a list that waits for approval is tested in care/GatedApprovalsTest.
   */
  private TestClub club(Path in) {
    TestClub club = TestClub.in(in, "approvals: {referral_list: false}\n");
    opened.add(club);
    return club;
  }

  private TestClub populatedClub() {
    TestClub club = club(directory);
    ClubPopulation.seed(club);
    return club;
  }

  @ParameterizedTest
  @EnumSource(WorkflowId.class)
  void rerun_in_the_same_period_adds_nothing(WorkflowId workflow) {
    TestClub club = populatedClub();
    RunReport first = club.run(workflow, ClubPopulation.scheduled(workflow));
    assertThat(TestClub.outcomes(first)).as("the first run does something").contains("done");
    Map<String, Long> afterFirst = club.effectCounts();

    RunReport sameInstant = club.run(workflow, ClubPopulation.scheduled(workflow));
    assertThat(club.effectCounts()).isEqualTo(afterFirst);
    assertThat(TestClub.outcomes(sameInstant)).doesNotContain("done");
    assertThat(sameInstant.summary())
        .as("a rerun whose actions were all done before queues, locks and refers nothing")
        .isEqualTo(sameInstant.summary().recount(List.of()));

    RunReport later = club.run(workflow, ClubPopulation.laterInSamePeriod(workflow));
    assertThat(club.effectCounts()).isEqualTo(afterFirst);
    assertThat(TestClub.outcomes(later)).doesNotContain("done");
  }

  @ParameterizedTest
  @EnumSource(WorkflowId.class)
  void two_concurrent_runs_of_one_workflow_produce_each_effect_once(WorkflowId workflow)
      throws Exception {
    Instant at = ClubPopulation.scheduled(workflow);
    TestClub reference = club(directory.resolve("reference"));
    ClubPopulation.seed(reference);
    reference.run(workflow, at);

    Path shared = directory.resolve("shared");
    TestClub first = club(shared);
    ClubPopulation.seed(first);
    TestClub second = club(shared);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<RunReport>> runs = new ArrayList<>();
      for (TestClub node : List.of(first, second)) {
        node.clock().set(at);
        runs.add(
            threads.submit(
                () -> {
                  start.await();
                  return node.runner()
                      .run(new RunRequest(workflow, TestClub.MAIN, RunMode.RULES, false, at));
                }));
      }
      start.countDown();
      List<RunReport> succeeded = new ArrayList<>();
      for (Future<RunReport> run : runs) {
        try {
          succeeded.add(run.get(20, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(RunInProgressException.class);
        }
      }
      assertThat(succeeded).isNotEmpty();
      long runsThatDidSomething =
          succeeded.stream().filter(r -> TestClub.outcomes(r).contains("done")).count();
      assertThat(runsThatDidSomething).isEqualTo(1);
    } finally {
      threads.shutdownNow();
    }
    assertThat(first.effectCounts()).isEqualTo(reference.effectCounts());
  }

  @ParameterizedTest
  @EnumSource(WorkflowId.class)
  void dry_run_changes_nothing_and_reports_the_actions_as_planned(WorkflowId workflow) {
    TestClub club = populatedClub();
    Map<String, Long> before = club.effectCounts();
    Instant at = ClubPopulation.scheduled(workflow);

    RunReport dry = club.dryRun(workflow, at);

    assertThat(club.effectCounts()).isEqualTo(before);
    assertThat(dry.dryRun()).isTrue();
    assertThat(dry.files()).isEmpty();
    assertThat(TestClub.outcomes(dry)).isNotEmpty().containsOnly("planned");
    WorkflowRun recorded = club.stores().runs().find(dry.runId()).orElseThrow();
    assertThat(recorded.dryRun()).isTrue();
    assertThat(recorded.status()).isEqualTo(RunStatus.SUCCEEDED);

    RunReport real = club.run(workflow, at);
    assertThat(withoutOutcomes(dry.actions())).isEqualTo(withoutOutcomes(real.actions()));
    assertThat(dry.summary())
        .as("what the dry run would queue is what the run queued")
        .isEqualTo(real.summary());
  }

  private static List<List<String>> withoutOutcomes(List<ReportedAction> actions) {
    return actions.stream()
        .map(a -> java.util.Arrays.asList(a.memberId(), a.action(), a.detail(), a.rule()))
        .toList();
  }

  @Test
  void a_run_is_recorded_with_one_event_per_action_and_the_report_of_the_contract()
      throws Exception {
    TestClub club = populatedClub();
    RunReport report =
        club.run(
            WorkflowId.PAST_DUE_MONITORING,
            ClubPopulation.scheduled(WorkflowId.PAST_DUE_MONITORING));

    WorkflowRun run = club.stores().runs().find(report.runId()).orElseThrow();
    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.modeUsed()).isEqualTo("rules");
    assertThat(run.finishedAt()).isNotNull();
    List<RunEvent> events = club.stores().runs().events(report.runId());
    assertThat(events).hasSize(report.actions().size()).isNotEmpty();
    for (int i = 0; i < events.size(); i++) {
      RunEvent event = events.get(i);
      ReportedAction action = report.actions().get(i);
      assertThat(event.seq()).isEqualTo(i + 1);
      assertThat(event.action()).isEqualTo(action.action());
      assertThat(event.rule()).isEqualTo(action.rule()).isNotBlank();
      JsonNode inputs = JSON.readTree(event.inputsJson());
      assertThat(inputs.isObject()).isTrue();
      assertThat(inputs.has("amount")).isTrue();
    }

    JsonNode stored = JSON.readTree(run.reportJson());
    assertThat(stored.has("actions")).as("the events hold the actions").isFalse();
    assertThat(stored.get("action_count").asInt()).isEqualTo(events.size());
    assertThat(stored.get("summary"))
        .isEqualTo(JSON.readTree(RunReportJson.write(report)).get("summary"));

    JsonNode json = JSON.readTree(RunReportJson.write(report));
    // The run report's contract keys (docs/ARCHITECTURE.md), plus the additions the report
    // documents (at, skipped, outcomes, files):
    // the contract allows adding fields, never renaming or removing them.
    assertThat(fieldNames(json))
        .containsAll(
            List.of(
                "run_id",
                "workflow",
                "club_id",
                "mode",
                "mode_used",
                "dry_run",
                "status",
                "summary",
                "actions",
                "held",
                "guard_blocks",
                "llm"))
        .containsOnly(
            "run_id",
            "workflow",
            "club_id",
            "mode",
            "mode_used",
            "dry_run",
            "status",
            "summary",
            "actions",
            "held",
            "guard_blocks",
            "llm",
            "at",
            "skipped",
            "outcomes",
            "files");
    assertThat(json.get("run_id").asText()).isEqualTo(report.runId());
    assertThat(json.get("workflow").asText()).isEqualTo("past-due-monitoring");
    assertThat(json.get("club_id").asText()).isEqualTo("main");
    assertThat(json.get("mode").asText()).isEqualTo("rules");
    assertThat(json.get("mode_used").asText()).isEqualTo("rules");
    assertThat(json.get("dry_run").isBoolean()).isTrue();
    assertThat(json.get("status").asText()).isEqualTo("succeeded");
    assertThat(json.get("summary").isObject()).isTrue();
    assertThat(json.get("held").isArray()).isTrue();
    assertThat(json.get("guard_blocks").isArray()).isTrue();
    assertThat(fieldNames(json.get("llm")))
        .containsExactly(
            "requests",
            "input_tokens",
            "output_tokens",
            "request_bytes",
            "cache_creation_input_tokens",
            "cache_read_input_tokens",
            "cost_usd");
    assertThat(json.get("actions")).hasSize(report.actions().size());
    for (JsonNode action : json.get("actions")) {
      if (action.get("action").asText().startsWith("send_")) {
        // A member message shows what the plan queues: the channel, the words and the moment.
        assertThat(fieldNames(action))
            .containsExactly(
                "member_id",
                "action",
                "detail",
                "rule",
                "outcome",
                "channel",
                "text",
                "not_before");
      } else {
        assertThat(fieldNames(action))
            .containsExactly("member_id", "action", "detail", "rule", "outcome");
      }
    }
    assertThat(json.get("actions")).anyMatch(action -> action.has("text"));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
