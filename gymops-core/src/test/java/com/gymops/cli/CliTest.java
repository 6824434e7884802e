package com.gymops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.adapter.config.ConfigLoader;
import com.gymops.app.GymOpsApp;
import com.gymops.domain.MemberId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  private static final String MEMBERS_HEADER =
      "member_id,club_id,first_name,last_name,phone,email,status,joined_on,past_due_amount,"
          + "past_due_since,sms_consent,opted_out,door_state\n";

  @TempDir Path work;

  @Test
  void help_lists_only_the_commands_that_exist_and_exits_zero() {
    // bench and drill live in the bench module's jar, so that the product carries no fake
    CliRun run = CliRun.in(work, "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "init",
            "import",
            "demo",
            "run",
            "runs",
            "dispatch",
            "schedule",
            "serve",
            "backup",
            "doctor",
            "users",
            "cds",
            "members",
            "workflows",
            "tokens",
            "mcp",
            "approvals",
            "summary",
            "sync");
    assertThat(Cli.commandLine(CliEnvironment.system()).getSubcommands().keySet())
        .containsExactlyInAnyOrder(
            "init",
            "import",
            "demo",
            "run",
            "runs",
            "dispatch",
            "schedule",
            "serve",
            "backup",
            "doctor",
            "users",
            "cds",
            "members",
            "workflows",
            "tokens",
            "mcp",
            "approvals",
            "summary",
            "sync");
  }

  @Test
  void backup_copies_the_embedded_store_and_never_overwrites_a_file() {
    assertThat(CliRun.in(work, "--data", "club", "demo", "--members", "40", "--no-run").exitCode())
        .isZero();

    CliRun first = CliRun.in(work, "--data", "club", "backup", "copy.db");
    CliRun second = CliRun.in(work, "--data", "club", "backup", "copy.db");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains(work.resolve("copy.db").toString(), "integrity ok");
    assertThat(work.resolve("copy.db")).exists();
    assertThat(second.exitCode()).isEqualTo(1);
    assertThat(second.err()).contains("exists already");
  }

  @Test
  void version_names_the_product() {
    CliRun run = CliRun.in(work, "--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("gymops ");
  }

  @Test
  void an_unknown_command_is_a_usage_error() {
    CliRun run = CliRun.in(work, "launch");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("launch");
  }

  @Test
  void init_writes_the_example_config_and_will_not_overwrite_it() throws IOException {
    CliRun first = CliRun.in(work, "init");
    CliRun second = CliRun.in(work, "init");

    assertThat(first.exitCode()).isZero();
    assertThat(Files.readString(work.resolve("gymops.yml"))).isEqualTo(ConfigLoader.exampleYaml());
    assertThat(second.exitCode()).isEqualTo(1);
    assertThat(second.err()).contains("already exists", "--force");
    assertThat(CliRun.in(work, "init", "--force").exitCode()).isZero();
  }

  @Test
  void an_invalid_config_is_reported_with_its_key_path_on_stderr() throws IOException {
    Files.writeString(work.resolve("bad.yml"), "access:\n  grace_period_days: soon\n");
    Files.writeString(work.resolve("members.csv"), MEMBERS_HEADER);

    CliRun run = CliRun.in(work, "--config", "bad.yml", "import", "members", "members.csv");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("access.grace_period_days");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void imports_members_and_reports_new_and_known_ones() throws IOException {
    Files.writeString(
        work.resolve("members.csv"),
        MEMBERS_HEADER
            + "M1,main,Ana,Lopez,(415) 555-2671,ana@example.com,ACTIVE,2024-01-10,0,,yes,no,ACTIVE\n"
            + "M2,main,Ben,Kim,,,PROSPECT,,,,no,no,\n");

    CliRun first = CliRun.in(work, "import", "members", "members.csv");
    CliRun again = CliRun.in(work, "import", "members", "members.csv");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("Imported 2 members", "2 new");
    assertThat(again.out()).contains("0 new, 2 already known");
    try (GymOpsApp app = openData()) {
      assertThat(app.stores().members().find(new MemberId("M1")).orElseThrow().phone())
          .isEqualTo("+14155552671");
    }
  }

  @Test
  void a_members_file_with_three_bad_rows_names_each_and_stores_nothing() throws IOException {
    Files.writeString(
        work.resolve("members.csv"),
        MEMBERS_HEADER
            + "M1,main,Ana,Lopez,,,ACTIVE,2024-01-10,0,,yes,no,ACTIVE\n"
            + "M2,nowhere,Ben,Kim,,,ACTIVE,,,,no,no,\n"
            + "M3,main,Cy,Day,,,ACTIVE,,12.345,2026-11-01,no,no,\n"
            + "M4,main,Di,Eve,,,ACTIVE,,,,maybe,no,\n");

    CliRun run = CliRun.in(work, "import", "members", "members.csv");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("3 problems, nothing imported")
        .contains("line 3, column club_id")
        .contains("line 4, column past_due_amount")
        .contains("line 5, column sms_consent");
    try (GymOpsApp app = openData()) {
      assertThat(app.stores().members().count()).isZero();
    }
  }

  @Test
  void imports_attempts_once_and_rejects_unknown_members() throws IOException {
    Files.writeString(
        work.resolve("members.csv"), MEMBERS_HEADER + "M1,main,Ana,Lopez,,,ACTIVE,,0,,no,no,\n");
    Files.writeString(
        work.resolve("attempts.csv"),
        "member_id,attempted_at,kind,channel,outcome\nM1,2026-11-20T14:00:00Z,friendly,sms,sent\n");
    Files.writeString(
        work.resolve("strangers.csv"),
        "member_id,attempted_at,kind,channel,outcome\nM9,2026-11-20T14:00:00Z,friendly,sms,sent\n");
    CliRun.in(work, "import", "members", "members.csv");

    CliRun first = CliRun.in(work, "import", "attempts", "attempts.csv");
    CliRun again = CliRun.in(work, "import", "attempts", "attempts.csv");
    CliRun strangers = CliRun.in(work, "import", "attempts", "strangers.csv");

    assertThat(first.out()).contains("Imported 1 attempts", "1 new");
    assertThat(again.out()).contains("0 new");
    assertThat(strangers.exitCode()).isEqualTo(1);
    assertThat(strangers.err()).contains("line 2, column member_id");
    try (GymOpsApp app = openData()) {
      assertThat(app.stores().attempts().count()).isEqualTo(1);
    }
  }

  @Test
  void a_missing_import_file_is_one_clear_line() {
    CliRun run = CliRun.in(work, "import", "members", "nope.csv");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip()).contains("nope.csv", "does not exist").doesNotContain("\n");
  }

  @Test
  void the_data_directory_comes_from_the_flag_then_the_environment() throws IOException {
    Files.writeString(
        work.resolve("members.csv"), MEMBERS_HEADER + "M1,main,Ana,Lopez,,,ACTIVE,,0,,no,no,\n");

    CliRun.in(work, Map.of("GYMOPS_DATA", "from-env"), "import", "members", "members.csv");
    CliRun.in(
        work,
        Map.of("GYMOPS_DATA", "from-env"),
        "--data",
        "from-flag",
        "import",
        "members",
        "members.csv");

    assertThat(work.resolve("from-env/gymops.db")).exists();
    assertThat(work.resolve("from-flag/gymops.db")).exists();
  }

  @Test
  void demo_builds_a_club_and_can_be_run_again() {
    CliRun first = CliRun.in(work, "demo", "--members", "300", "--seed", "7");
    CliRun second = CliRun.in(work, "demo", "--members", "300", "--seed", "7");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("Past due", "Doors locked")
        .contains(
            "door-access",
            "past-due-monitoring",
            "collections-escalation",
            "collections-referral",
            "batch-invoices",
            "daily-campaigns")
        .contains("Dispatch:")
        .contains("Waiting for the manager:", "referral_list")
        .contains("/console", "owner@example.com", "password: ");
    assertThat(first.out())
        .as("a manager reads $1,234.50, never $1234.50")
        .containsPattern("\\$\\d{1,3}(,\\d{3})+\\.\\d\\d")
        .doesNotContainPattern("\\$\\d{4,}")
        .as("the demo sends nothing: its texts are logged, never called sent")
        .containsPattern("Dispatch: [\\d,]+ messages? written to ")
        .doesNotContainPattern("\\d+ sent");
    // Each demo makes its first owner a fresh password, shown once.
    assertThat(withoutPassword(withoutRunIds(second.out())))
        .isEqualTo(withoutPassword(withoutRunIds(first.out())));
    try (GymOpsApp app = openData("gymops-demo")) {
      assertThat(app.stores().members().count()).isEqualTo(300);
    }
  }

  private static String withoutPassword(String out) {
    return out.replaceAll("password: \\S+", "password: ?");
  }

  /** One member, Ana, $60.00 past due since 2026-11-01: a firm reminder for past-due-monitoring. */
  private void importAnaOwingSixty() throws IOException {
    Files.writeString(
        work.resolve("members.csv"),
        MEMBERS_HEADER
            + "M1,main,Ana,Lopez,(415) 555-2671,,ACTIVE,2024-01-10,60.00,2026-11-01,yes,no,ACTIVE\n");
    CliRun.in(work, "import", "members", "members.csv");
  }

  @Test
  void run_prints_the_json_contract_and_runs_show_lists_its_events() throws Exception {
    importAnaOwingSixty();

    CliRun run =
        CliRun.in(work, "run", "past-due-monitoring", "--at", "2026-11-25T15:00:00Z", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("mode_used").asText()).isEqualTo("rules");
    assertThat(report.get("actions"))
        .singleElement()
        .satisfies(
            action -> {
              assertThat(action.get("member_id").asText()).isEqualTo("M1");
              assertThat(action.get("action").asText()).isEqualTo("send_reminder");
              assertThat(action.get("detail").asText()).isEqualTo("firm");
            });
    CliRun shown = CliRun.in(work, "runs", "show", report.get("run_id").asText());
    assertThat(shown.out()).contains("send_reminder", "past-due.tier.firm", "done");
  }

  @Test
  void a_dry_run_shows_each_message_as_it_would_be_sent_and_sends_nothing() throws Exception {
    importAnaOwingSixty();

    // 02:00 in the club's zone, 23:00 in Ana's (a 415 number: California): outside the sending
    // window, so the text waits for 08:00 where she lives.
    CliRun run =
        CliRun.in(
            work,
            "run",
            "past-due-monitoring",
            "--dry-run",
            "--at",
            "2026-11-25T07:00:00Z",
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode action = new ObjectMapper().readTree(run.out()).get("actions").get(0);
    assertThat(action.get("outcome").asText()).isEqualTo("planned");
    assertThat(action.get("channel").asText()).isEqualTo("sms");
    assertThat(action.get("text").asText()).startsWith("Main Club: Ana, $60.00 is still unpaid.");
    assertThat(action.get("not_before").asText()).isEqualTo("2026-11-25T16:00:00Z");
    assertThat(CliRun.in(work, "dispatch", "--at", "2026-11-25T16:00:00Z").out())
        .as("the dry run queued nothing")
        .startsWith("sent 0, deferred to the sending window 0,");
  }

  @Test
  void a_dry_run_says_what_it_would_queue_and_a_run_what_it_queued_and_neither_says_sent()
      throws Exception {
    importAnaOwingSixty();

    CliRun dry =
        CliRun.in(work, "run", "past-due-monitoring", "--dry-run", "--at", "2026-11-25T15:00:00Z");
    CliRun real = CliRun.in(work, "run", "past-due-monitoring", "--at", "2026-11-25T15:00:00Z");

    assertThat(dry.exitCode()).as(dry.err()).isZero();
    assertThat(dry.out())
        .contains(
            String.format("%-26s %s", "reminders it would queue", "friendly 0, firm 1, final 0"))
        .contains(String.format("%-26s %s", "doors it would lock", "0"))
        .doesNotContainPattern("\\bsent\\b");
    assertThat(real.exitCode()).as(real.err()).isZero();
    String queued = String.format("%-26s %s", "reminders queued", "friendly 0, firm 1, final 0");
    assertThat(real.out()).contains(queued).doesNotContainPattern("\\bsent\\b");
    java.util.regex.Matcher runId =
        java.util.regex.Pattern.compile("run (run-\\S+),").matcher(real.out());
    assertThat(runId.find()).isTrue();
    assertThat(CliRun.in(work, "runs", "show", runId.group(1)).out()).contains(queued);
  }

  @Test
  void without_a_provider_dispatch_and_runs_show_say_written_to_the_log_never_sent()
      throws Exception {
    importAnaOwingSixty();
    CliRun real = CliRun.in(work, "run", "past-due-monitoring", "--at", "2026-11-25T15:00:00Z");
    java.util.regex.Matcher runId =
        java.util.regex.Pattern.compile("run (run-\\S+),").matcher(real.out());
    assertThat(runId.find()).isTrue();

    // 16:00Z is 08:00 in California: Ana's text is due, and no provider is set up
    CliRun dispatch = CliRun.in(work, "dispatch", "--at", "2026-11-25T16:00:00Z");
    CliRun json = CliRun.in(work, "runs", "show", runId.group(1), "--json");
    CliRun show = CliRun.in(work, "runs", "show", runId.group(1));

    assertThat(dispatch.exitCode()).as(dispatch.err()).isZero();
    // before, this said "sent 1" though the text only went to messages.log
    assertThat(dispatch.out())
        .startsWith("sent 0, deferred to the sending window 0,")
        .contains("1 message written to ", "messages.log instead: no SMS or email provider");
    assertThat(show.out())
        .contains(
            String.format(
                "%-26s %s",
                "its member messages now",
                "0 sent, 1 logged, not sent (no provider configured), 0 queued, 0 deferred, 0"
                    + " suppressed, 0 failed"));
    JsonNode now = new ObjectMapper().readTree(json.out()).get("messages_now");
    assertThat(now.get("sent").asInt()).isZero();
    assertThat(now.get("logged").asInt()).isEqualTo(1);
  }

  @Test
  void runs_show_tells_a_waiting_text_from_a_sent_one() throws Exception {
    importAnaOwingSixty();
    CliRun real = CliRun.in(work, "run", "past-due-monitoring", "--at", "2026-11-25T15:00:00Z");
    java.util.regex.Matcher runId =
        java.util.regex.Pattern.compile("run (run-\\S+),").matcher(real.out());
    assertThat(runId.find()).isTrue();

    CliRun show = CliRun.in(work, "runs", "show", runId.group(1));

    // the text waits for 08:00 where Ana lives (16:00Z): deferred, not sent
    assertThat(show.out())
        .contains(
            String.format(
                "%-26s %s",
                "its member messages now", "0 sent, 0 queued, 1 deferred, 0 suppressed, 0 failed"));
  }

  @Test
  void the_escalation_list_on_screen_has_column_headers() throws Exception {
    Files.writeString(
        work.resolve("members.csv"),
        MEMBERS_HEADER
            + "M1,main,Ana,Lopez,(415) 555-2671,,ACTIVE,2024-01-10,260.00,2026-10-01,yes,no,ACTIVE\n");
    CliRun.in(work, "import", "members", "members.csv");

    CliRun run = CliRun.in(work, "run", "collections-escalation", "--at", "2026-11-25T13:00:00Z");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "      member id | name | amount | attempts 30d | days past due | reasons | last"
                + " contact\n      M1 | Ana Lopez | $260.00 |");
  }

  @Test
  void agent_mode_without_an_api_key_completes_by_the_rules_and_says_so() throws Exception {
    importAnaOwingSixty();

    CliRun run =
        CliRun.in(
            work,
            "run",
            "past-due-monitoring",
            "--mode",
            "agent",
            "--at",
            "2026-11-25T15:00:00Z",
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("mode").asText()).isEqualTo("agent");
    assertThat(report.get("mode_used").asText()).isEqualTo("rules-fallback");
    assertThat(report.get("actions")).hasSize(1);
    assertThat(report.get("llm").get("requests").asInt()).isZero();
  }

  @Test
  void an_unknown_workflow_or_mode_is_one_clear_line() {
    CliRun workflow = CliRun.in(work, "run", "past-due");
    CliRun mode = CliRun.in(work, "run", "door-access", "--mode", "robot");

    assertThat(workflow.exitCode()).isEqualTo(1);
    assertThat(workflow.err()).contains("unknown workflow 'past-due'", "past-due-monitoring");
    assertThat(mode.exitCode()).isEqualTo(1);
    assertThat(mode.err()).contains("robot");
  }

  @Test
  void demo_refuses_a_directory_holding_other_data() throws IOException {
    Files.createDirectories(work.resolve("real"));
    Files.writeString(work.resolve("real/precious.txt"), "keep me");

    CliRun run = CliRun.in(work, "--data", "real", "demo");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("did not create");
    assertThat(work.resolve("real/precious.txt")).exists();
  }

  private static String withoutRunIds(String text) {
    return text.replaceAll("run-[0-9T]+-[0-9a-f]+", "run-ID")
        .replaceAll("apr-[0-9T]+-[0-9a-f]+", "apr-ID");
  }

  private GymOpsApp openData() {
    return openData("gymops-data");
  }

  private GymOpsApp openData(String directory) {
    return GymOpsApp.open(
        ConfigLoader.load(Optional.empty(), Map.of(), ZoneId.of("America/New_York")),
        work.resolve(directory),
        Clock.systemUTC());
  }
}
