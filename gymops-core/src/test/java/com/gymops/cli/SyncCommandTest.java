package com.gymops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.fakes.FakeClubHub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gymops sync} against the fake ClubHub. */
class SyncCommandTest {
  private static final Map<String, String> CREDENTIALS =
      Map.of(
          "GYMOPS_CLUBHUB_USERNAME", FakeClubHub.USERNAME,
          "GYMOPS_CLUBHUB_PASSWORD", FakeClubHub.PASSWORD);

  @TempDir Path work;
  private final FakeClubHub clubHub = FakeClubHub.start();

  @AfterEach
  void stop() {
    clubHub.close();
  }

  private void configure() throws IOException {
    Files.writeString(
        work.resolve("gymops.yml"),
        "clubs: [{id: main, club_system_id: '1156'}]\n"
            + "club_system: {system: clubhub, clubhub: {base_url: '"
            + clubHub.baseUrl()
            + "'}}\n");
  }

  @Test
  void pulls_now_and_reports_what_was_merged_and_skipped() throws IOException {
    configure();
    clubHub
        .putMember("1156", FakeClubHub.memberRow(101, "Ann", "(217) 555-0101"))
        .putMember("1156", FakeClubHub.memberRow(102, "Bob", "12"));

    CliRun run = CliRun.in(work, CREDENTIALS, "sync", "--club", "main");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Pulled from clubhub: 1 members merged, 1 skipped")
        .contains("skipped 102: phone '12'")
        .contains("Club main: 0 paid-up members' doors evaluated after the pull");
    CliRun shown = CliRun.in(work, CREDENTIALS, "members", "show", "101", "--by", "Sam");
    assertThat(shown.out() + shown.err())
        .contains("club system id 101, standing good_standing, last check-in 2026-03-01");
  }

  @Test
  void says_why_when_clubhub_refuses_the_credentials() throws IOException {
    configure();

    CliRun run =
        CliRun.in(
            work,
            Map.of("GYMOPS_CLUBHUB_USERNAME", FakeClubHub.USERNAME, "GYMOPS_CLUBHUB_PASSWORD", "x"),
            "sync");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("refused the login").contains("GYMOPS_CLUBHUB_PASSWORD");
  }

  @Test
  void doctor_logs_in_to_clubhub_and_shows_the_last_pull() throws IOException {
    configure();
    assertThat(CliRun.in(work, CREDENTIALS, "doctor").out())
        .contains("clubhub, " + FakeClubHub.USERNAME + " logged in, never pulled yet");

    clubHub.putMember("1156", FakeClubHub.memberRow(101, "Ann", "(217) 555-0101"));
    CliRun.in(work, CREDENTIALS, "sync");
    CliRun pulled = CliRun.in(work, CREDENTIALS, "doctor");
    CliRun refused =
        CliRun.in(
            work,
            Map.of("GYMOPS_CLUBHUB_USERNAME", FakeClubHub.USERNAME, "GYMOPS_CLUBHUB_PASSWORD", "x"),
            "doctor");

    assertThat(pulled.out()).contains("last pull up to " + CliRun.NOW);
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.out() + refused.err())
        .contains("refused the login")
        .contains("GYMOPS_CLUBHUB_PASSWORD");
  }
}
