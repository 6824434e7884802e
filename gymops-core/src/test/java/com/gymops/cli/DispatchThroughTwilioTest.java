package com.gymops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.app.GymOpsApp;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessageStatus;
import com.gymops.fakes.FakeTwilio;
import com.gymops.fakes.FakeTwilio.Answer;
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
  private static final String ANA = "+12125552671";
  private static final String BEN = "+12125550100";

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
            manager: {email: manager@example.com}
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

    assertThat(run.out()).contains("\"sent\": 1", "\"failed\": 0", "\"suppressed\": 1");
    assertThat(run.exitCode()).as("a 21610 is an opt-out working, not a failure").isZero();
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
      assertThat(app.stores().outbox().ofMember(new MemberId("M2")).get(0).status())
          .isEqualTo(MessageStatus.SUPPRESSED);
      assertThat(app.stores().outbox().ofMember(new MemberId("M2")).get(0).error())
          .startsWith("opted_out: twilio 21610");
    }
  }

  @Test
  void an_unregistered_sender_pauses_texts_alerts_once_and_a_test_send_resumes_them()
      throws IOException {
    FakeTwilio.Answer unregistered =
        FakeTwilio.Answer.error(400, 30034, "Message from an Unregistered Number");
    twilio.script(ANA, unregistered, unregistered);

    CliRun first = CliRun.in(work, twilio.environment(), "dispatch", "--json");
    CliRun second =
        CliRun.in(work, twilio.environment(), "dispatch", "--json", "--at", "2026-11-25T15:05:00Z");

    // The one message that left is the manager's alert, by email; with no mail server configured
    // it is written to the message log, which is not "sent" (docs/MANAGER.md).
    assertThat(first.out())
        .contains("\"sent\": 0", "\"logged\": 1", "\"failed\": 0", "\"paused\": 2");
    assertThat(first.exitCode()).as("queued texts are no failure").isZero();
    assertThat(second.out()).contains("\"sent\": 0", "\"paused\": 2");
    try (GymOpsApp app = openData()) {
      assertThat(app.stores().senderPauses().find(FakeTwilio.FROM))
          .hasValueSatisfying(pause -> assertThat(pause.errorCode()).isEqualTo(30034));
      assertThat(app.stores().outbox().ofMember(new MemberId("M2")).get(0).status())
          .isEqualTo(MessageStatus.QUEUED);
    }
    // The alert goes by email: a text would wait behind the very sender it reports.
    String log = Files.readString(work.resolve("gymops-data").resolve(GymOpsApp.MESSAGE_LOG));
    assertThat(log.split("Texts are paused", -1)).hasSize(2);
    assertThat(log).contains("Register the brand and an A2P 10DLC campaign");

    CliRun third =
        CliRun.in(work, twilio.environment(), "dispatch", "--json", "--at", "2026-11-25T15:10:00Z");

    assertThat(third.out()).contains("\"paused\": 0");
    try (GymOpsApp app = openData()) {
      assertThat(app.stores().senderPauses().all()).isEmpty();
      assertThat(app.stores().outbox().ofMember(new MemberId("M2")).get(0).status())
          .isEqualTo(MessageStatus.SENT);
      assertThat(app.stores().outbox().ofMember(new MemberId("M1")).get(0).status())
          .isEqualTo(MessageStatus.SENT);
    }
  }

  @Test
  void without_twilios_variables_dispatch_still_writes_the_message_log() {
    CliRun run = CliRun.in(work, "dispatch", "--json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"sent\": 0", "\"logged\": 2");
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
