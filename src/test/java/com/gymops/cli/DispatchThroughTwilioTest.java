package com.gymops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.app.GymOpsApp;
import com.gymops.bench.fakes.FakeTwilio;
import com.gymops.bench.fakes.FakeTwilio.Answer;
import com.gymops.config.ConfigLoader;
import com.gymops.domain.MemberId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gymops dispatch} with Twilio's variables set, against the fake Twilio on loopback. */
class DispatchThroughTwilioTest {
  private static final String ANA = "+14155552671";
  private static final String BEN = "+14155550100";

  @TempDir Path work;
  private FakeTwilio twilio;

  @BeforeEach
  void start() throws IOException {
    twilio = FakeTwilio.start();
    // A high rate keeps the real pacer from waiting between the two texts.
    Files.writeString(
        work.resolve("gymops.yml"),
        """
        clubs:
          - id: main
            name: Main Street Fitness
            timezone: America/New_York
        messaging:
          sms_rate_per_second: 1000
        """);
    Files.writeString(
        work.resolve("members.csv"),
        "member_id,club_id,first_name,last_name,phone,email,status,joined_on,past_due_amount,"
            + "past_due_since,sms_consent,opted_out,door_state\n"
            + "M1,main,Ana,Lopez,"
            + ANA
            + ",,ACTIVE,2024-01-10,30.00,2026-11-20,yes,no,ACTIVE\n"
            + "M2,main,Ben,Kim,"
            + BEN
            + ",,ACTIVE,2024-01-10,40.00,2026-11-20,yes,no,ACTIVE\n");
    assertThat(CliRun.in(work, "import", "members", "members.csv").exitCode()).isZero();
    assertThat(CliRun.in(work, "run", "past-due-monitoring").exitCode()).isZero();
  }

  @AfterEach
  void stop() {
    twilio.close();
  }

  @Test
  void dispatch_delivers_through_twilio_and_a_stop_at_the_carrier_opts_the_member_out() {
    twilio.script(BEN, Answer.optedOut());

    CliRun run = CliRun.in(work, twilio.environment(), "dispatch", "--json");

    assertThat(run.out()).contains("\"sent\": 1", "\"failed\": 1");
    assertThat(run.exitCode()).as("a failed send is a failure").isEqualTo(1);
    assertThat(twilio.requests())
        .extracting(FakeTwilio.Request::to)
        .containsExactlyInAnyOrder(ANA, BEN);
    assertThat(twilio.requests())
        .allSatisfy(
            request -> {
              assertThat(request.form()).containsEntry("From", FakeTwilio.FROM);
              assertThat(request.form().get("Body")).contains("Main Street Fitness");
            });
    try (GymOpsApp app = openData()) {
      assertThat(app.stores().members().find(new MemberId("M2")).orElseThrow().smsOptedOut())
          .isTrue();
      assertThat(app.stores().members().find(new MemberId("M1")).orElseThrow().smsOptedOut())
          .isFalse();
      assertThat(app.stores().outbox().ofMember(new MemberId("M1")).get(0).error()).isNull();
    }
  }

  @Test
  void without_twilios_variables_dispatch_still_writes_the_message_log() {
    CliRun run = CliRun.in(work, "dispatch", "--json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"sent\": 2");
    assertThat(twilio.requests()).isEmpty();
    assertThat(work.resolve("gymops-data").resolve(GymOpsApp.MESSAGE_LOG)).exists();
  }

  @Test
  void an_explicit_log_provider_wins_over_twilios_variables() throws IOException {
    Files.writeString(
        work.resolve("gymops.yml"),
        Files.readString(work.resolve("gymops.yml")) + "  sms_provider: log\n");

    CliRun run = CliRun.in(work, twilio.environment(), "dispatch", "--json");

    assertThat(run.exitCode()).isZero();
    assertThat(twilio.requests()).isEmpty();
  }

  private GymOpsApp openData() {
    return GymOpsApp.open(
        ConfigLoader.load(
            Optional.of(work.resolve("gymops.yml")), java.util.Map.of(), ZoneId.of("UTC")),
        work.resolve("gymops-data"),
        Clock.fixed(CliRun.NOW, ZoneId.of("UTC")));
  }
}
