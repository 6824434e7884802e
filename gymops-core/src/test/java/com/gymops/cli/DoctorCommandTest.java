package com.gymops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.fakes.FakeAbc;
import com.gymops.fakes.FakeOpenpath;
import com.gymops.fakes.FakeSlack;
import com.gymops.fakes.FakeTwilio;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;
  private FakeTwilio twilio;

  @BeforeEach
  void start() {
    twilio = FakeTwilio.start();
  }

  @AfterEach
  void stop() {
    twilio.close();
  }

  @Test
  void a_broken_configuration_is_reported_with_every_problem_and_what_to_fix() throws IOException {
    Files.writeString(
        work.resolve("gymops.yml"),
        """
        clubs:
          - id: main
            manager: {phone: '555-0100'}
        messaging:
          templates:
            invoice: "Pay {total}"
        """);

    CliRun run = CliRun.in(work, "doctor");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "FAIL  configuration  clubs[0].manager.phone: '555-0100' is not a valid phone number",
            "FAIL  configuration  messaging.templates: template 'invoice' uses unknown variable"
                + " {total}",
            "fix: edit " + work.resolve("gymops.yml"));
  }

  @Test
  void a_club_without_a_time_zone_is_named_with_the_zone_it_would_take() throws IOException {
    Files.writeString(
        work.resolve("gymops.yml"),
        """
        clubs:
          - id: north
            timezone: America/Chicago
          - id: south
        """);

    CliRun run = CliRun.in(work, "doctor");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "FAIL  time zones     south names no timezone, so it runs in this machine's zone"
                + " (America/New_York)",
            "fix: add 'timezone: America/Chicago'");
  }

  @Test
  void a_working_twilio_account_passes_and_an_unreachable_webhook_url_is_named()
      throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Files.writeString(
        work.resolve("gymops.yml"),
        "messaging:\n  public_base_url: http://127.0.0.1:" + closedPort + "\n");

    CliRun run = CliRun.in(work, twilio.environment(), "doctor", "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("ok").asBoolean()).isFalse();
    assertThat(check(report, "database").get("ok").asBoolean()).isTrue();
    assertThat(check(report, "templates").get("ok").asBoolean()).isTrue();
    assertThat(check(report, "twilio").get("detail").asText())
        .isEqualTo("credentials accepted; " + FakeTwilio.FROM + " belongs to the account");
    assertThat(check(report, "webhooks").get("problem").asText())
        .startsWith("http://127.0.0.1:" + closedPort + "/health cannot be reached from here");
    assertThat(twilio.requests())
        .allSatisfy(request -> assertThat(request.method()).isEqualTo("GET"));
  }

  @Test
  void the_chat_webhooks_are_shown_redacted_and_nothing_is_posted() throws IOException {
    Files.writeString(
        work.resolve("gymops.yml"), "clubs: [{id: main, timezone: America/New_York}]\n");
    try (FakeSlack slack = FakeSlack.start()) {
      CliRun run =
          CliRun.in(
              work, Map.of("GYMOPS_SLACK_WEBHOOK_URL", slack.webhookUrl()), "doctor", "--json");

      JsonNode report = JSON.readTree(run.out());
      assertThat(check(report, "slack webhook").get("detail").asText())
          .isEqualTo(
              "main http://127.0.0.1:"
                  + java.net.URI.create(slack.webhookUrl()).getPort()
                  + "/services/*** (GYMOPS_SLACK_WEBHOOK_URL); nothing posted yet");
      assertThat(run.out()).doesNotContain(FakeSlack.SECRET);
      assertThat(slack.requests()).isEmpty();
    }
  }

  @Test
  void refused_credentials_and_a_number_of_another_account_are_named_with_the_fix()
      throws IOException {
    Files.writeString(work.resolve("gymops.yml"), "clubs: [{id: main}]\n");
    Map<String, String> wrongToken = new HashMap<>(twilio.environment());
    wrongToken.put("TWILIO_AUTH_TOKEN", "not-the-token");
    Map<String, String> otherNumber = new HashMap<>(twilio.environment());
    otherNumber.put("TWILIO_FROM", "+12125550199");

    JsonNode refused = JSON.readTree(CliRun.in(work, wrongToken, "doctor", "--json").out());
    JsonNode foreign = JSON.readTree(CliRun.in(work, otherNumber, "doctor", "--json").out());

    assertThat(check(refused, "twilio").get("problem").asText())
        .isEqualTo("Twilio refuses the credentials (HTTP 401)");
    assertThat(check(refused, "twilio").get("fix").asText())
        .isEqualTo(
            "set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN to the account's SID and auth token");
    assertThat(check(foreign, "twilio").get("problem").asText())
        .isEqualTo("TWILIO_FROM +12125550199 is not a number of this Twilio account");
    assertThat(check(foreign, "webhooks").get("problem").asText())
        .startsWith("messaging.public_base_url is not set");
  }

  @Test
  void abcs_keys_are_checked_by_reading_the_club_and_a_refused_key_is_named_with_the_fix()
      throws IOException {
    try (FakeAbc abc = FakeAbc.start()) {
      abc.putMember("30053", FakeAbc.memberRow("m1", "Ann", null));
      Files.writeString(
          work.resolve("gymops.yml"),
          "clubs: [{id: main, club_system_id: '30053'}]\n"
              + "club_system: {system: abc, abc: {base_url: '"
              + abc.baseUrl()
              + "', attempts: 1}}\n");
      Map<String, String> keys = new HashMap<>(twilio.environment());
      keys.put("GYMOPS_ABC_APP_ID", FakeAbc.APP_ID);
      keys.put("GYMOPS_ABC_APP_KEY", FakeAbc.APP_KEY);
      Map<String, String> wrongKey = new HashMap<>(keys);
      wrongKey.put("GYMOPS_ABC_APP_KEY", "not-the-key");

      JsonNode accepted = JSON.readTree(CliRun.in(work, keys, "doctor", "--json").out());
      JsonNode refused = JSON.readTree(CliRun.in(work, wrongKey, "doctor", "--json").out());

      assertThat(check(accepted, "club system").get("ok").asBoolean()).isTrue();
      assertThat(check(accepted, "club system").get("detail").asText())
          .isEqualTo("abc, app_id abc-app-id read club 30053, never pulled yet");
      assertThat(check(refused, "club system").get("problem").asText())
          .contains("ABC Evo refused the app_id abc-app-id (HTTP 403");
      assertThat(check(refused, "club system").get("fix").asText())
          .startsWith("set GYMOPS_ABC_APP_ID and GYMOPS_ABC_APP_KEY");
      assertThat(abc.requests())
          .extracting(FakeAbc.Request::path)
          .containsOnly("/rest/30053/clubs");
    }
  }

  @Test
  void openpaths_login_is_checked_and_a_refused_password_is_named_with_the_fix()
      throws IOException {
    try (FakeOpenpath openpath = FakeOpenpath.start(java.time.Clock.systemUTC())) {
      Files.writeString(
          work.resolve("gymops.yml"),
          "clubs: [{id: main}]\n"
              + "door: {system: openpath, openpath: {base_url: '"
              + openpath.baseUrl()
              + "', org_id: "
              + FakeOpenpath.ORG_ID
              + ", attempts: 1}}\n");
      Map<String, String> login = new HashMap<>(twilio.environment());
      login.put("GYMOPS_OPENPATH_EMAIL", FakeOpenpath.EMAIL);
      login.put("GYMOPS_OPENPATH_PASSWORD", FakeOpenpath.PASSWORD);
      Map<String, String> wrong = new HashMap<>(login);
      wrong.put("GYMOPS_OPENPATH_PASSWORD", "not-the-password");

      JsonNode accepted = JSON.readTree(CliRun.in(work, login, "doctor", "--json").out());
      JsonNode refused = JSON.readTree(CliRun.in(work, wrong, "doctor", "--json").out());

      assertThat(check(accepted, "door system").get("ok").asBoolean()).isTrue();
      assertThat(check(accepted, "door system").get("detail").asText())
          .contains("logged " + FakeOpenpath.EMAIL + " in", "org 4242");
      assertThat(check(refused, "door system").get("problem").asText())
          .contains("Openpath refused GymOps' credentials (HTTP 401: Invalid email or password");
      assertThat(check(refused, "door system").get("fix").asText())
          .isEqualTo(
              "set GYMOPS_OPENPATH_EMAIL and GYMOPS_OPENPATH_PASSWORD to the door system's"
                  + " credentials, and check door.openpath.base_url and door.openpath.org_id");
      assertThat(JSON.writeValueAsString(refused)).doesNotContain("not-the-password");
    }
  }

  @Test
  void a_sender_paused_by_the_provider_is_reported_with_what_to_register() throws IOException {
    Files.writeString(
        work.resolve("gymops.yml"),
        """
        clubs:
          - id: main
            timezone: America/New_York
            manager: {email: manager@example.com}
        messaging:
          sms_rate_per_second: 1000
        """);
    Files.writeString(
        work.resolve("members.csv"),
        "member_id,club_id,first_name,last_name,phone,email,status,joined_on,past_due_amount,"
            + "past_due_since,sms_consent,opted_out,door_state\n"
            + "M1,main,Ana,Lopez,+12125552671,,ACTIVE,2024-01-10,30.00,2026-11-20,yes,no,ACTIVE\n");
    assertThat(CliRun.in(work, "import", "members", "members.csv").exitCode()).isZero();
    assertThat(CliRun.in(work, "run", "past-due-monitoring").exitCode()).isZero();
    twilio.script(
        "+12125552671", FakeTwilio.Answer.error(400, 30032, "Toll-free number not verified"));
    assertThat(CliRun.in(work, twilio.environment(), "dispatch").exitCode()).isZero();

    CliRun run = CliRun.in(work, twilio.environment(), "doctor");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("FAIL  sms sender     texts from " + FakeTwilio.FROM + " are paused since")
        .contains("Verify the toll-free number in the Twilio console (Toll-Free Verification).");
  }

  private static JsonNode check(JsonNode report, String name) {
    for (JsonNode check : report.get("checks")) {
      if (check.get("name").asText().equals(name)) {
        return check;
      }
    }
    throw new AssertionError("no check " + name + " in " + report);
  }
}
