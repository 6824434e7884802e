package com.gymops.app;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.web.OpsServer;
import com.gymops.domain.ClubId;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API under /api/v1 over real HTTP, wired as {@code serve} wires it. */
class JsonApiTest {
  private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MemberId ANA = new MemberId("M1");
  private static final MemberId BEN = new MemberId("N1");

  @TempDir Path directory;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private GymOpsApp app;
  private OpsServer server;
  private String everyClub;
  private String mainOnly;

  @BeforeEach
  void start() {
    app =
        GymOpsApp.open(
            ConfigLoader.parse(
                "clubs:\n"
                    + "  - {id: main, timezone: America/New_York}\n"
                    + "  - {id: north, timezone: America/New_York}\n",
                Map.of(),
                ZoneId.of("UTC")),
            directory,
            Clock.fixed(NOW, ZoneOffset.UTC));
    app.stores()
        .members()
        .upsertAll(
            List.of(
                aMember()
                    .withId("M1")
                    .withBalance("40.00", java.time.LocalDate.of(2026, 11, 1))
                    .build(),
                aMember().withId("N1").inClub("north").build()),
            NOW);
    everyClub = app.apiAccess().create("console", null).secret();
    mainOnly = app.apiAccess().create("front-desk", new ClubId("main")).secret();
    server = OpsServer.start(0, List::of, () -> "", app.webhooks(), app.api());
  }

  @AfterEach
  void stop() {
    server.close();
    app.close();
  }

  private HttpResponse<String> call(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private DoorAccess doorOf(MemberId id) {
    return app.stores().members().find(id).orElseThrow().door();
  }

  @Test
  void a_member_is_shown_and_locked_with_a_token_and_the_write_is_audited_under_its_name()
      throws Exception {
    HttpResponse<String> show = call("GET", "/api/v1/members/M1", everyClub, null);
    HttpResponse<String> lock =
        call("POST", "/api/v1/members/M1/lock", everyClub, "{\"reason\": \"cheque bounced\"}");

    assertThat(show.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(show.body()).get("past_due_amount").asText()).isEqualTo("40.00");
    assertThat(lock.statusCode()).as(lock.body()).isEqualTo(200);
    assertThat(doorOf(ANA)).isEqualTo(DoorAccess.LOCKED_OTHER);
    assertThat(app.stores().audit().about("member:M1"))
        .singleElement()
        .satisfies(entry -> assertThat(entry.actor()).isEqualTo("token:console"));
  }

  @Test
  void missing_wrong_and_revoked_tokens_get_401_and_change_nothing() throws Exception {
    String body = "{\"reason\": \"test\"}";
    HttpResponse<String> missing = call("POST", "/api/v1/members/M1/lock", null, body);
    HttpResponse<String> wrong = call("POST", "/api/v1/members/M1/lock", everyClub + "x", body);
    app.apiAccess().revoke("console");
    HttpResponse<String> revoked = call("POST", "/api/v1/members/M1/lock", everyClub, body);

    assertThat(List.of(missing.statusCode(), wrong.statusCode(), revoked.statusCode()))
        .containsOnly(401);
    assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(JSON.readTree(missing.body()).get("error").asText()).contains("bearer token");
    assertThat(doorOf(ANA)).isEqualTo(DoorAccess.OPEN);
    assertThat(app.stores().audit().latest(10)).isEmpty();
  }

  @Test
  void a_token_of_one_club_gets_403_for_another_clubs_member_and_workflow() throws Exception {
    HttpResponse<String> show = call("GET", "/api/v1/members/N1", mainOnly, null);
    HttpResponse<String> lock =
        call("POST", "/api/v1/members/N1/lock", mainOnly, "{\"reason\": \"x\"}");
    HttpResponse<String> pause =
        call("POST", "/api/v1/workflows/door-access/pause", mainOnly, "{\"club_id\": \"north\"}");
    HttpResponse<String> own = call("POST", "/api/v1/workflows/door-access/pause", mainOnly, "");

    assertThat(List.of(show.statusCode(), lock.statusCode(), pause.statusCode())).containsOnly(403);
    assertThat(doorOf(BEN)).isEqualTo(DoorAccess.OPEN);
    assertThat(app.pauses().isPaused(WorkflowId.DOOR_ACCESS, new ClubId("north"))).isFalse();
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(app.pauses().isPaused(WorkflowId.DOOR_ACCESS, new ClubId("main"))).isTrue();
  }

  @Test
  void bad_input_is_a_4xx_with_the_reason() throws Exception {
    HttpResponse<String> notJson = call("POST", "/api/v1/members/M1/lock", everyClub, "{reason");
    HttpResponse<String> noReason = call("POST", "/api/v1/members/M1/lock", everyClub, "{}");
    HttpResponse<String> unknown = call("GET", "/api/v1/members/M9", everyClub, null);
    HttpResponse<String> badDate =
        call(
            "POST",
            "/api/v1/members/M1/hold",
            everyClub,
            "{\"until\": \"next week\", \"reason\": \"plan\"}");
    HttpResponse<String> unlockOpen =
        call("POST", "/api/v1/members/M1/unlock", everyClub, "{\"reason\": \"x\"}");

    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(error(notJson)).contains("not JSON");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(error(noReason)).contains("'reason'");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(error(badDate)).contains("next week");
    assertThat(unlockOpen.statusCode()).isEqualTo(409);
    assertThat(app.stores().holds().of(ANA)).isEmpty();
  }

  @Test
  void a_hold_through_the_api_stops_reminders() throws Exception {
    HttpResponse<String> hold =
        call(
            "POST",
            "/api/v1/members/M1/hold",
            mainOnly,
            "{\"until\": \"2026-12-31\", \"reason\": \"payment plan\"}");

    assertThat(hold.statusCode()).as(hold.body()).isEqualTo(200);
    JsonNode runs = JSON.readTree(call("GET", "/api/v1/runs", mainOnly, null).body());
    assertThat(runs.isArray()).isTrue();
    assertThat(
            app.runner()
                .run(
                    new com.gymops.application.run.RunRequest(
                        WorkflowId.PAST_DUE_MONITORING,
                        new ClubId("main"),
                        com.gymops.application.run.RunMode.RULES,
                        false,
                        NOW))
                .skipped())
        .containsEntry(com.gymops.policy.ClubSnapshot.ON_HOLD, 1);
  }

  private static String error(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).get("error").asText();
  }

  @Test
  void a_pause_naming_the_club_in_capitals_really_pauses_the_configured_club() throws Exception {
    HttpResponse<String> pause =
        call("POST", "/api/v1/workflows/door-access/pause", everyClub, "{\"club_id\": \"NORTH\"}");
    HttpResponse<String> list = call("GET", "/api/v1/workflows", everyClub, null);

    assertThat(pause.statusCode()).as(pause.body()).isEqualTo(200);
    assertThat(app.pauses().isPaused(WorkflowId.DOOR_ACCESS, new ClubId("north"))).isTrue();
    assertThat(JSON.readTree(list.body()).toString()).contains("\"club_id\":\"north\"");
  }

  @Test
  void a_token_made_for_a_club_in_capitals_acts_on_that_club() throws Exception {
    String northDesk = app.apiAccess().create("north-desk", new ClubId("NORTH")).secret();

    HttpResponse<String> own =
        call("POST", "/api/v1/members/N1/lock", northDesk, "{\"reason\": \"card shared\"}");

    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(doorOf(BEN)).isEqualTo(DoorAccess.LOCKED_OTHER);
  }

  @Test
  void a_member_id_outside_the_documented_characters_is_a_bad_request() throws Exception {
    HttpResponse<String> hostile =
        call("POST", "/api/v1/members/M1%3F/notes", everyClub, "{\"text\": \"x\"}");

    assertThat(hostile.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(hostile.body()).get("error").asText()).contains("may hold only");
  }

  @Test
  void api_answers_forbid_content_sniffing() throws Exception {
    assertThat(
            call("GET", "/api/v1/members/M1", everyClub, null)
                .headers()
                .firstValue("X-Content-Type-Options"))
        .contains("nosniff");
    assertThat(
            call("GET", "/api/v1/members/M1", null, null)
                .headers()
                .firstValue("X-Content-Type-Options"))
        .contains("nosniff");
  }

  @Test
  void another_clubs_approval_is_not_found_like_an_unknown_one() throws Exception {
    List<com.gymops.domain.Member> many = new java.util.ArrayList<>();
    for (int i = 1; i <= 11; i++) {
      many.add(
          aMember()
              .withId("B" + i)
              .withBalance("25.00", java.time.LocalDate.of(2026, 11, 20))
              .build());
    }
    app.stores().members().upsertAll(many, NOW);
    app.runner()
        .run(
            new com.gymops.application.run.RunRequest(
                WorkflowId.DOOR_ACCESS,
                new ClubId("main"),
                com.gymops.application.run.RunMode.RULES,
                false,
                NOW));
    String id =
        JSON.readTree(call("GET", "/api/v1/approvals", mainOnly, null).body())
            .get(0)
            .get("id")
            .asText();
    String northDesk = app.apiAccess().create("north-desk", new ClubId("north")).secret();

    HttpResponse<String> other = call("GET", "/api/v1/approvals/" + id, northDesk, null);
    HttpResponse<String> approve =
        call("POST", "/api/v1/approvals/" + id + "/approve", northDesk, "");
    HttpResponse<String> unknown = call("GET", "/api/v1/approvals/no-such-id", northDesk, null);

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(approve.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(other.body()).get("error").asText())
        .isEqualTo("no approval '" + id + "'");
  }

  @Test
  void a_hold_until_an_absurd_date_is_refused() throws Exception {
    HttpResponse<String> hold =
        call(
            "POST",
            "/api/v1/members/M1/hold",
            everyClub,
            "{\"until\": \"+99999-01-01\", \"reason\": \"payment plan\"}");

    assertThat(hold.statusCode()).isEqualTo(400);
    assertThat(app.stores().holds().of(ANA)).isEmpty();
  }

  @Test
  void an_approval_is_approved_through_the_api_and_audited_under_the_tokens_name()
      throws Exception {
    List<com.gymops.domain.Member> many = new java.util.ArrayList<>();
    for (int i = 1; i <= 11; i++) {
      many.add(
          aMember()
              .withId("B" + i)
              .withBalance("25.00", java.time.LocalDate.of(2026, 11, 20))
              .build());
    }
    app.stores().members().upsertAll(many, NOW);
    app.runner()
        .run(
            new com.gymops.application.run.RunRequest(
                WorkflowId.DOOR_ACCESS,
                new ClubId("main"),
                com.gymops.application.run.RunMode.RULES,
                false,
                NOW));
    JsonNode pending = JSON.readTree(call("GET", "/api/v1/approvals", mainOnly, null).body());
    assertThat(pending).hasSize(1);
    String id = pending.get(0).get("id").asText();

    HttpResponse<String> approve =
        call("POST", "/api/v1/approvals/" + id + "/approve", mainOnly, "");
    HttpResponse<String> again = call("POST", "/api/v1/approvals/" + id + "/approve", mainOnly, "");

    assertThat(approve.statusCode()).as(approve.body()).isEqualTo(200);
    assertThat(JSON.readTree(approve.body()).get("status").asText()).isEqualTo("approved");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(app.stores().audit().about("approval:" + id))
        .singleElement()
        .satisfies(entry -> assertThat(entry.actor()).isEqualTo("token:front-desk"));
  }
}
