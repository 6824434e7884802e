package com.gymops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.bench.clubhub.ClubHubDemoCommand;
import com.gymops.bench.drill.DrillCommand;
import com.gymops.cli.Cli;
import com.gymops.cli.CliEnvironment;
import com.gymops.cli.CliRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench at a tiny size: every section present and sane. No timing is asserted. */
class BenchCommandTest {
  private static final Object[] COMMANDS = {BenchCommand.class};

  @TempDir Path work;

  @Test
  void the_bench_jar_has_every_gymops_command_and_bench_and_drill() {
    var benchJar =
        Cli.commandLine(
                CliEnvironment.system(),
                BenchCommand.class,
                DrillCommand.class,
                ClubHubDemoCommand.class)
            .getSubcommands()
            .keySet();
    var product = Cli.commandLine(CliEnvironment.system()).getSubcommands().keySet();

    assertThat(product).doesNotContain("bench", "drill", "clubhub-demo");
    assertThat(benchJar).containsAll(product).contains("bench", "drill", "clubhub-demo");
  }

  @Test
  void json_has_every_scenario_with_positive_figures_and_defined_ratios() throws Exception {
    CliRun run =
        CliRun.withCommands(
            work,
            COMMANDS,
            "bench",
            "--members",
            "300",
            "--repetitions",
            "1",
            "--warmups",
            "0",
            "--messages",
            "50",
            "--throttled-messages",
            "3",
            "--month-days",
            "1",
            "--month-members",
            "100,300",
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.path("machine").path("cores").asInt()).isPositive();
    assertThat(report.path("settings").path("members").asInt()).isEqualTo(300);

    JsonNode rules = report.path("rules");
    assertThat(rules.path("members").asInt()).isEqualTo(300);
    assertThat(rules.path("past_due_members").asInt()).isPositive();
    assertThat(rules.path("actions").asInt()).isPositive();
    assertThat(rules.path("outbox_rows").asInt()).isPositive();
    assertThat(rules.path("run").path("median_seconds").asDouble()).isPositive();
    assertThat(rules.path("baseline").path("median_seconds").asDouble()).isPositive();
    assertThat(rules.path("ratio").asDouble()).isPositive();
    assertThat(rules.path("ratio_to_floor").asDouble()).isPositive();
    assertThat(rules.path("floor").path("median_seconds").asDouble()).isPositive();
    assertThat(rules.path("rows").path("outbox").asLong())
        .isEqualTo(rules.path("outbox_rows").asLong());
    assertThat(rules.path("rows").path("events").asLong())
        .isEqualTo(rules.path("actions").asLong());
    assertThat(rules.path("floor_reads").path("members").asLong())
        .isGreaterThanOrEqualTo(rules.path("past_due_members").asLong());
    assertThat(rules.path("floor_reads").path("attempts").asLong()).isPositive();
    assertThat(rules.path("members_per_second").asDouble()).isPositive();
    assertThat(rules.path("run_peak_heap_mb").asLong()).isPositive();

    JsonNode agent = report.path("agent");
    assertThat(agent.path("runs")).hasSize(4);
    for (JsonNode each : agent.path("runs")) {
      assertThat(each.path("requests").asLong()).isPositive();
      assertThat(each.path("input_tokens").asLong()).isPositive();
      assertThat(each.path("output_tokens").asLong()).isPositive();
      assertThat(each.path("request_bytes").asLong()).isPositive();
      assertThat(each.path("cost_usd").asDouble()).isPositive();
    }
    assertThat(agent.path("runs").get(0).path("mode_used").asText()).isEqualTo("agent");
    assertThat(agent.path("seed_literal_over_competent")).hasSize(2);
    JsonNode month = agent.path("month");
    assertThat(month).hasSize(2);
    assertThat(month.get(0).path("members").asInt()).isEqualTo(100);
    assertThat(month.get(1).path("members").asInt()).isEqualTo(300);
    for (JsonNode each : month) {
      for (String field :
          new String[] {"requests", "input_tokens", "cached_input_tokens", "output_tokens"}) {
        assertThat(each.has(field)).as(field).isTrue();
      }
      assertThat(each.path("runs").asInt()).isPositive();
      assertThat(each.path("dollars").isNumber()).isTrue();
    }
    assertThat(agent.path("seed_literal_over_competent").get(0).path("input_tokens").asDouble())
        .isGreaterThan(1);
    // Not 1.0 at this size: the 30-member club may have no exception for the model to hold.
    assertThat(agent.path("competent_request_growth").asDouble()).isPositive();

    JsonNode startup = report.path("startup");
    assertThat(startup.path("serve").path("median_seconds").asDouble()).isPositive();
    assertThat(startup.path("jvm_baseline").path("median_seconds").asDouble()).isPositive();
    assertThat(startup.path("ratio").asDouble()).isPositive();

    JsonNode dispatch = report.path("dispatch");
    JsonNode unthrottled = dispatch.path("unthrottled");
    assertThat(unthrottled.path("messages").asInt()).isEqualTo(50);
    assertThat(unthrottled.path("sent").asInt()).isEqualTo(50);
    assertThat(unthrottled.path("run").path("median_seconds").asDouble()).isPositive();
    assertThat(unthrottled.path("baseline").path("median_seconds").asDouble()).isPositive();
    assertThat(unthrottled.path("ratio").asDouble()).isPositive();
    assertThat(unthrottled.path("messages_per_second").asDouble()).isPositive();
    assertThat(unthrottled.path("baseline_messages_per_second").asDouble()).isPositive();
    JsonNode throttled = dispatch.path("throttled");
    assertThat(throttled.path("messages").asInt()).isEqualTo(3);
    assertThat(throttled.path("sent").asInt()).isEqualTo(3);
    assertThat(throttled.path("configured_per_second").asInt()).isEqualTo(10);
    assertThat(throttled.path("achieved_per_second").asDouble()).isPositive();
    assertThat(throttled.has("within_goal")).isTrue();
    assertThat(report.path("settings").path("scenarios").toString()).contains("dispatch");

    assertThat(report.path("not_measured")).isEmpty();
  }

  @Test
  void the_table_names_each_scenario_and_progress_goes_to_stderr() {
    CliRun run =
        CliRun.withCommands(
            work,
            COMMANDS,
            "bench",
            "--members",
            "100",
            "--repetitions",
            "1",
            "--warmups",
            "0",
            "--scenarios",
            "rules");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("machine:", "rules:", "ratio")
        .doesNotContain("agent:", "dispatch:");
    assertThat(run.err()).contains("rules repetition 1/1");
  }

  @Test
  void the_rules_scenario_over_several_clubs_runs_both_workflows_for_each_in_one_database()
      throws Exception {
    CliRun run =
        CliRun.withCommands(
            work,
            COMMANDS,
            "bench",
            "--members",
            "300",
            "--clubs",
            "3",
            "--scenarios",
            "rules",
            "--repetitions",
            "1",
            "--warmups",
            "0",
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out());
    JsonNode rules = report.path("rules");
    assertThat(rules.path("clubs").asInt()).isEqualTo(3);
    assertThat(rules.path("members").asInt()).isEqualTo(300);
    assertThat(report.path("settings").path("rules_clubs").asInt()).isEqualTo(3);
    // Two runs a club: door-access and past-due-monitoring, for each of the three.
    assertThat(rules.path("rows").path("runs").asLong()).isEqualTo(6);
    assertThat(rules.path("rows").path("events").asLong())
        .isEqualTo(rules.path("actions").asLong())
        .isPositive();
    assertThat(rules.path("ratio_to_floor").asDouble()).isPositive();
  }

  @Test
  void clubs_too_small_for_the_members_are_refused_with_both_numbers() {
    CliRun run =
        CliRun.withCommands(
            work, COMMANDS, "bench", "--members", "100", "--clubs", "20", "--scenarios", "rules");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("at least 10 members", "100 members in 20 clubs");
  }

  @Test
  void the_table_shows_dispatch_unthrottled_and_throttled() {
    CliRun run =
        CliRun.withCommands(
            work,
            COMMANDS,
            "bench",
            "--members",
            "100",
            "--repetitions",
            "1",
            "--warmups",
            "0",
            "--scenarios",
            "dispatch",
            "--messages",
            "20",
            "--throttled-messages",
            "2");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("dispatch: 20 queued texts", "texts/s", "throttled at 10/s: 2 texts")
        .doesNotContain("rules:", "not measured");
    assertThat(run.err()).contains("dispatch repetition 1/1", "dispatch throttled at 10/s");
  }

  @Test
  void the_console_scenario_times_every_page_over_http_after_logging_in() throws Exception {
    CliRun run =
        CliRun.withCommands(
            work, COMMANDS, "bench", "--members", "100", "--scenarios", "console", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode console = new ObjectMapper().readTree(run.out()).path("console");
    assertThat(console.path("members").asInt()).isEqualTo(100);
    assertThat(console.path("requests").asInt()).isEqualTo(50);
    List<String> pages = new ArrayList<>();
    for (JsonNode page : console.path("pages")) {
      pages.add(page.path("page").asText());
      assertThat(page.path("status").asInt()).as(page.path("page").asText()).isEqualTo(200);
      assertThat(page.path("median_ms").asDouble()).isPositive();
      assertThat(page.path("p95_ms").asDouble())
          .isGreaterThanOrEqualTo(page.path("median_ms").asDouble());
      assertThat(page.path("goal_ms").asInt()).isEqualTo(200);
    }
    assertThat(pages)
        .contains("/console", "/console/approvals", "/console/settings", "/console/audit")
        .anySatisfy(page -> assertThat(page).startsWith("/console/runs/run-"))
        .anySatisfy(page -> assertThat(page).startsWith("/console/members/"));
    assertThat(run.err()).contains("console /console: median");
  }

  @Test
  void the_message_scenario_asks_and_approves_a_one_off_text_and_its_campaign_baseline()
      throws Exception {
    CliRun run =
        CliRun.withCommands(
            work,
            COMMANDS,
            "bench",
            "--members",
            "1000",
            "--scenarios",
            "message",
            "--repetitions",
            "1",
            "--warmups",
            "0",
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode message = new ObjectMapper().readTree(run.out()).path("message");
    assertThat(message.path("members").asInt()).isEqualTo(1000);
    // Everyone who may get marketing texts: more than the day's campaign, which skips members
    // past their welcome.
    assertThat(message.path("texts").asInt())
        .isGreaterThan(message.path("campaign_texts").asInt())
        .isGreaterThan(100);
    for (String timing : List.of("file", "approve", "campaign_run", "campaign_approve")) {
      assertThat(message.path(timing).path("median_seconds").asDouble()).as(timing).isPositive();
    }
    assertThat(run.err()).contains("message 1/1: ");
  }

  @Test
  void an_unknown_scenario_is_a_usage_error() {
    CliRun run = CliRun.withCommands(work, COMMANDS, "bench", "--scenarios", "rules,teleport");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("teleport");
  }
}
