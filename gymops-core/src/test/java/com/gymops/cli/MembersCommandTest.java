package com.gymops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.adapter.config.ConfigLoader;
import com.gymops.app.GymOpsApp;
import com.gymops.domain.WorkflowId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manager's handles at the command line: members, workflows, tokens. */
class MembersCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> DANA = Map.of("USER", "dana");

  @TempDir Path work;

  @BeforeEach
  void importMembers() throws IOException {
    Files.writeString(
        work.resolve("members.csv"),
        "member_id,club_id,first_name,last_name,phone,email,status,joined_on,past_due_amount,"
            + "past_due_since,sms_consent,opted_out,door_state\n"
            + "M1,main,Ana,Lopez,(415) 555-2671,ana@example.com,ACTIVE,2024-01-10,80.00,"
            + "2026-11-01,yes,no,ACTIVE\n");
    assertThat(CliRun.in(work, "import", "members", "members.csv").exitCode()).isZero();
  }

  private CliRun gymops(String... args) {
    return CliRun.in(work, DANA, args);
  }

  private GymOpsApp openData() {
    return GymOpsApp.open(
        ConfigLoader.load(Optional.empty(), Map.of(), ZoneId.of("America/New_York")),
        work.resolve("gymops-data"),
        Clock.fixed(CliRun.NOW, ZoneId.of("UTC")));
  }

  @Test
  void lock_unlock_note_and_opt_out_by_hand_show_up_in_the_profile_with_their_actor()
      throws IOException {
    CliRun lock = gymops("members", "lock", "M1", "--reason", "damaged equipment");
    CliRun lockAgain = gymops("members", "lock", "M1", "--reason", "again");
    CliRun unlock = gymops("members", "unlock", "M1", "--reason", "settled", "--by", "sam");
    CliRun note = gymops("members", "note", "M1", "Called, will pay Friday");
    CliRun optOut = gymops("members", "opt-out", "M1");

    assertThat(lock.exitCode()).as(lock.err()).isZero();
    assertThat(lockAgain.exitCode()).isEqualTo(1);
    assertThat(lockAgain.err()).contains("locked already");
    assertThat(unlock.exitCode()).as(unlock.err()).isZero();
    assertThat(note.exitCode()).isZero();
    assertThat(optOut.out()).contains("M1 opted out");

    CliRun show = gymops("members", "show", "M1", "--json");
    JsonNode profile = JSON.readTree(show.out());
    assertThat(profile.get("door").asText()).isEqualTo("ACTIVE");
    assertThat(profile.get("sms_opted_out").asBoolean()).isTrue();
    assertThat(profile.get("door_history").findValuesAsText("door"))
        .containsExactly("LOCKED_OTHER", "ACTIVE");
    assertThat(profile.get("notes").findValuesAsText("author")).contains("dana", "sam");
    assertThat(profile.get("audit").findValuesAsText("actor"))
        .containsExactly("dana", "sam", "dana", "dana");
    assertThat(profile.get("audit").findValuesAsText("action"))
        .containsExactly("lock", "unlock", "note", "opt-out");
    try (GymOpsApp app = openData()) {
      assertThat(app.runHistory().latest(5))
          .extracting(run -> run.workflow() + "/" + run.mode())
          .containsExactly("door-access/manual", "door-access/manual");
    }
  }

  @Test
  void a_hold_from_the_command_line_is_shown_and_released() throws IOException {
    CliRun hold =
        gymops("members", "hold", "M1", "--until", "2026-12-20", "--reason", "payment plan");
    CliRun badDate = gymops("members", "hold", "M1", "--until", "soon", "--reason", "plan");

    assertThat(hold.exitCode()).as(hold.err()).isZero();
    assertThat(hold.out()).contains("M1 on hold until 2026-12-20 (payment plan)");
    assertThat(badDate.exitCode()).isEqualTo(1);
    assertThat(badDate.err()).contains("--until 'soon' is not a date");
    assertThat(gymops("members", "show", "M1").out()).contains("hold until 2026-12-20");

    assertThat(gymops("members", "release", "M1").exitCode()).isZero();
    JsonNode profile = JSON.readTree(gymops("members", "show", "M1", "--json").out());
    assertThat(profile.get("hold").get("released_at").asText()).isEqualTo(CliRun.NOW.toString());
  }

  @Test
  void an_unknown_member_is_a_clear_error() {
    CliRun run = gymops("members", "show", "M9");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no member 'M9' in " + work.resolve("gymops-data"));
  }

  @Test
  void showing_a_member_needs_no_actor_but_acting_on_one_does() {
    CliRun show = CliRun.in(work, Map.of(), "members", "show", "M1");
    CliRun lock = CliRun.in(work, Map.of(), "members", "lock", "M1", "--reason", "test");

    assertThat(show.exitCode()).isZero();
    assertThat(show.out()).contains("M1", "Ana Lopez");
    assertThat(lock.exitCode()).isEqualTo(1);
    assertThat(lock.err()).contains("say who acts with --by NAME");
  }

  @Test
  void a_read_where_there_is_no_data_names_the_directory_and_creates_nothing() {
    Path elsewhere = work.resolve("elsewhere");

    CliRun approvals = CliRun.in(work, DANA, "--data", "elsewhere", "approvals");
    CliRun show = CliRun.in(work, DANA, "--data", "elsewhere", "members", "show", "M1");

    assertThat(approvals.exitCode()).isEqualTo(1);
    assertThat(approvals.err()).contains("no GymOps data in " + elsewhere, "--data DIR");
    assertThat(show.exitCode()).isEqualTo(1);
    assertThat(show.err()).contains("no GymOps data in " + elsewhere);
    assertThat(elsewhere).doesNotExist();
  }

  @Test
  void a_paused_workflow_is_listed_until_resumed() {
    CliRun pause = gymops("workflows", "pause", "door-access", "--club", "main");
    CliRun again = gymops("workflows", "pause", "door-access", "--club", "main");

    assertThat(pause.out()).contains("door-access paused for club main");
    assertThat(again.out()).contains("paused already");
    assertThat(gymops("workflows").out()).contains("door-access", "main", "paused by dana");
    assertThat(gymops("schedule", "--count", "1").out())
        .containsPattern("door-access +main .*\\(paused\\)")
        .doesNotContainPattern("past-due-monitoring .*\\(paused\\)");
    try (GymOpsApp app = openData()) {
      assertThat(
              app.pauses().isPaused(WorkflowId.DOOR_ACCESS, new com.gymops.domain.ClubId("main")))
          .isTrue();
    }

    assertThat(gymops("workflows", "resume", "door-access", "--club", "main").exitCode()).isZero();
    CliRun resumeAgain = gymops("workflows", "resume", "door-access", "--club", "main");
    assertThat(resumeAgain.exitCode()).isEqualTo(1);
    assertThat(resumeAgain.err()).contains("is not paused");
    assertThat(gymops("workflows").out()).contains("no workflow is paused");
  }

  @Test
  void a_token_secret_is_shown_once_and_only_its_hash_is_stored() throws IOException {
    CliRun create = gymops("tokens", "create", "--name", "console");
    CliRun twice = gymops("tokens", "create", "--name", "console");

    String secret = create.out().strip();
    assertThat(secret).startsWith("gyo_");
    assertThat(twice.exitCode()).isEqualTo(1);
    assertThat(twice.err()).contains("exists already");
    assertThat(gymops("tokens").out()).contains("console").doesNotContain(secret);
    try (GymOpsApp app = openData()) {
      assertThat(app.apiAccess().authenticate(secret)).isPresent();
    }
    assertThat(gymops("tokens", "revoke", "console").exitCode()).isZero();
    try (GymOpsApp app = openData()) {
      assertThat(app.apiAccess().authenticate(secret)).isEmpty();
    }
  }
}
