package com.gymops.adapter.web.console;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.web.OpsServer;
import com.gymops.app.GymOpsApp;
import com.gymops.application.care.Actor;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleRole;
import com.gymops.fakes.FakeMessagesApi;
import com.gymops.fakes.ScriptedModel;
import com.gymops.testing.MutableClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Ask box's guards over real HTTP: the session's CSRF token, the clubs of the account, and a
 * staff account that reads but may not propose; the model is the loopback fake of the Messages API,
 * counting what reaches it.
 */
class AskBoxHttpTest {
  private static final String PASSWORD = "a long pass phrase";
  private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
  private static final Actor BY = Actor.person("cli:test");

  @TempDir Path directory;
  private final AtomicInteger asked = new AtomicInteger();
  private FakeMessagesApi messagesApi;
  private GymOpsApp app;
  private OpsServer server;

  @BeforeEach
  void start() {
    ScriptedModel model =
        request -> {
          asked.incrementAndGet();
          if (request.get("messages").size() == 1) {
            // A staff account's model asks for a lock all the same: the tool is not offered.
            return new ScriptedModel.Answer()
                .call("request_lock", "{\"member_id\": \"N1\", \"reason\": \"owes\"}")
                .toolUse();
          }
          return new ScriptedModel.Answer().text("Done looking.").endTurn();
        };
    messagesApi = new FakeMessagesApi(model);
    app =
        GymOpsApp.open(
            ConfigLoader.parse(
                "clubs:\n"
                    + "  - {id: north, name: North Club, timezone: America/New_York}\n"
                    + "  - {id: south, name: South Club, timezone: America/New_York}\n",
                Map.of(
                    "ANTHROPIC_API_KEY", "test-key", "ANTHROPIC_BASE_URL", messagesApi.baseUrl()),
                ZoneOffset.UTC),
            directory,
            new MutableClock(NOW, ZoneOffset.UTC));
    app.accounts()
        .add(
            BY,
            "manager@example.com",
            ConsoleRole.MANAGER,
            Set.of(new ClubId("north")),
            PASSWORD.toCharArray());
    app.accounts()
        .add(
            BY,
            "staff@example.com",
            ConsoleRole.STAFF,
            Set.of(new ClubId("north")),
            PASSWORD.toCharArray());
    app.stores()
        .members()
        .upsertAll(
            List.of(
                aMember()
                    .withId("N1")
                    .inClub("north")
                    .withBalance("200.00", LocalDate.of(2026, 2, 1))
                    .build()),
            NOW);
    server = OpsServer.start(0, List::of, () -> "", null, null, app.console());
  }

  @AfterEach
  void stop() {
    server.close();
    app.close();
    messagesApi.close();
  }

  private ConsoleClient signedIn(String email) throws Exception {
    ConsoleClient client = new ConsoleClient(server.port());
    client.login(email, PASSWORD);
    client.get("/console/ask");
    return client;
  }

  @Test
  void a_question_without_the_sessions_csrf_token_is_refused_and_never_reaches_the_model()
      throws Exception {
    ConsoleClient manager = signedIn("manager@example.com");

    HttpResponse<String> forged =
        manager.postRaw("/console/ask", Map.of("club", "north", "question", "who owes?"));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(asked).hasValue(0);
  }

  @Test
  void a_question_about_a_club_the_account_does_not_see_is_refused_before_the_model()
      throws Exception {
    ConsoleClient manager = signedIn("manager@example.com");

    HttpResponse<String> other =
        manager.post("/console/ask", Map.of("club", "south", "question", "who owes?"));

    assertThat(other.statusCode()).isEqualTo(400);
    assertThat(other.body()).contains("no club south for this account");
    assertThat(asked).hasValue(0);
  }

  @Test
  void a_staff_account_may_ask_but_its_model_is_offered_no_request_and_files_nothing()
      throws Exception {
    ConsoleClient staff = signedIn("staff@example.com");

    HttpResponse<String> answer =
        staff.post("/console/ask", Map.of("club", "north", "question", "lock N1"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("Done looking.");
    assertThat(asked).hasValue(2);
    assertThat(app.approvals().list(BY, null, true)).isEmpty();
  }
}
