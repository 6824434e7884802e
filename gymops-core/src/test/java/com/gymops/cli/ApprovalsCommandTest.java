package com.gymops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stable approvals interface at the command line. */
class ApprovalsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @BeforeEach
  void elevenMembersPastGrace() throws IOException {
    StringBuilder csv =
        new StringBuilder(
            "member_id,club_id,first_name,last_name,phone,email,status,joined_on,past_due_amount,"
                + "past_due_since,sms_consent,opted_out,door_state\n");
    for (int i = 1; i <= 11; i++) {
      csv.append("M")
          .append(i)
          .append(",main,Ana,Lopez,,ana")
          .append(i)
          .append("@example.com,ACTIVE,2024-01-10,25.00,2026-11-15,no,no,ACTIVE\n");
    }
    Files.writeString(work.resolve("members.csv"), csv.toString());
    assertThat(CliRun.in(work, "import", "members", "members.csv").exitCode()).isZero();
    CliRun run = CliRun.in(work, "run", "door-access");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void the_breakers_approval_is_listed_approved_once_and_then_not_pending() throws IOException {
    JsonNode pending = JSON.readTree(CliRun.in(work, "approvals", "--json").out());

    assertThat(pending).hasSize(1);
    JsonNode approval = pending.get(0);
    assertThat(approval.get("kind").asText()).isEqualTo("locks_over_limit");
    assertThat(approval.get("status").asText()).isEqualTo("pending");
    assertThat(approval.get("club_id").asText()).isEqualTo("main");
    assertThat(approval.get("actions")).hasSize(33);
    assertThat(approval.get("actions").get(0).fieldNames())
        .toIterable()
        .contains("member_id", "action", "detail", "text");
    String id = approval.get("id").asText();

    CliRun approve = CliRun.in(work, "approvals", "approve", id, "--by", "dana", "--json");
    CliRun again = CliRun.in(work, "approvals", "approve", id, "--by", "sam");

    assertThat(approve.exitCode()).as(approve.err()).isZero();
    assertThat(JSON.readTree(approve.out()).get("status").asText()).isEqualTo("approved");
    assertThat(JSON.readTree(approve.out()).get("actions").findValuesAsText("outcome"))
        .containsOnly("done");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("is not pending: it is approved (by dana)");
    assertThat(CliRun.in(work, "approvals").out()).contains("no pending approvals");
    assertThat(CliRun.in(work, "approvals", "--status", "all").out()).contains(id, "approved");
  }

  @Test
  void a_denied_approval_executes_nothing() throws IOException {
    String id =
        JSON.readTree(CliRun.in(work, "approvals", "--json").out()).get(0).get("id").asText();

    CliRun deny = CliRun.in(work, "approvals", "deny", id, "--by", "dana", "--reason", "bad feed");

    assertThat(deny.exitCode()).isZero();
    JsonNode profile =
        JSON.readTree(CliRun.in(work, "members", "show", "M1", "--json", "--by", "dana").out());
    assertThat(profile.get("door").asText()).isEqualTo("ACTIVE");
    assertThat(CliRun.in(work, "approvals", "deny", id, "--by", "sam").exitCode()).isEqualTo(1);
  }

  @Test
  void summary_prints_the_day_without_sending_it() {
    long queuedBefore = managerMessages();

    CliRun run = CliRun.in(work, "summary", "--date", "2026-11-25");
    CliRun bad = CliRun.in(work, "summary", "--date", "25/11/2026");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("Main Club: daily summary for Wed Nov 25.")
        .contains("door-access 1 ok", "1 approval pending (1 locks_over_limit): gymops approvals.");
    assertThat(managerMessages()).isEqualTo(queuedBefore);
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains("--date '25/11/2026' is not a date (YYYY-MM-DD)");
  }

  private long managerMessages() {
    try (com.gymops.app.GymOpsApp app =
        com.gymops.app.GymOpsApp.open(
            com.gymops.adapter.config.ConfigLoader.load(
                java.util.Optional.empty(),
                java.util.Map.of(),
                java.time.ZoneId.of("America/New_York")),
            work.resolve("gymops-data"),
            java.time.Clock.systemUTC())) {
      return app.stores().outbox().countByStatus().values().stream()
          .mapToLong(Long::longValue)
          .sum();
    }
  }
}
