package com.gymops.adapter.web.console;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.web.OpsServer;
import com.gymops.app.GymOpsApp;
import com.gymops.application.care.Actor;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Approval;
import com.gymops.domain.ApprovalAction;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleRole;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import com.gymops.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console attacked over real HTTP, as docs/SECURITY.md says it is defended: parallel password
 * guessing, hostile member ids, club ids in another case, HEAD without a session, malformed bodies,
 * another club's approval ids, and the transport headers.
 */
class ConsoleSecurityHttpTest {
  private static final String PASSWORD = "a long pass phrase";
  private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
  private static final String CLUBS =
      "clubs:\n"
          + "  - {id: north, name: North Club, timezone: America/New_York}\n"
          + "  - {id: south, name: South Club, timezone: America/New_York}\n";
  private static final String HOSTILE_ID = "q/../../clubs/north/workflows/door-access/pause?";
  private static final Actor BY = Actor.person("cli:test");

  @TempDir Path directory;
  private final MutableClock clock = new MutableClock(NOW, ZoneOffset.UTC);
  private GymOpsApp app;
  private OpsServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (app != null) {
      app.close();
    }
  }

  private ConsoleClient start(String extraYaml) {
    GymOpsConfig config = ConfigLoader.parse(CLUBS + extraYaml, Map.of(), ZoneId.of("UTC"));
    app = GymOpsApp.open(config, directory, clock);
    app.accounts()
        .add(BY, "owner@example.com", ConsoleRole.OWNER, Set.of(), PASSWORD.toCharArray());
    app.accounts()
        .add(
            BY,
            "manager@example.com",
            ConsoleRole.MANAGER,
            Set.of(new ClubId("north")),
            PASSWORD.toCharArray());
    LocalDate since = LocalDate.of(2026, 2, 1);
    app.stores()
        .members()
        .upsertAll(
            List.of(
                aMember().withId("N1").inClub("north").named("Ana", "North").build(),
                aMember()
                    .withId("S1")
                    .inClub("south")
                    .named("Sam", "South")
                    .withBalance("90.00", since)
                    .build()),
            NOW);
    server = OpsServer.start(0, List::of, () -> "", null, null, app.console());
    return new ConsoleClient(server.port());
  }

  private ConsoleClient start() {
    return start("");
  }

  private ConsoleClient client() {
    return new ConsoleClient(server.port());
  }

  @Test
  void of_thirty_wrong_passwords_sent_at_once_with_the_right_one_at_most_five_are_checked()
      throws Exception {
    start();
    int wrong = 30;
    List<ConsoleClient> clients = new ArrayList<>();
    for (int i = 0; i <= wrong; i++) {
      ConsoleClient client = client();
      client.get(ConsoleRoutes.LOGIN);
      clients.add(client);
    }
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < clients.size(); i++) {
        ConsoleClient client = clients.get(i);
        String password = i == wrong ? PASSWORD : "wrong guess number " + i;
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return client.post(
                      ConsoleRoutes.LOGIN,
                      Map.of("email", "manager@example.com", "password", password));
                }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        statuses.add(answer.get(120, TimeUnit.SECONDS).statusCode());
      }

      assertThat(statuses).hasSize(wrong + 1);
      assertThat(statuses.stream().filter(status -> status == 401).count())
          .as("wrong passwords checked, of " + statuses)
          .isLessThanOrEqualTo(5);
      // The right password, if it was among the five, gives its attempt back: one more may go.
      assertThat(statuses.stream().filter(status -> status == 429).count())
          .isGreaterThanOrEqualTo(wrong + 1 - 6);
      assertThat(app.stores().audit().latest(100))
          .filteredOn(entry -> entry.action().equals("login-refused"))
          .hasSizeLessThanOrEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_hostile_member_id_on_a_page_cannot_turn_a_form_into_another_action() throws Exception {
    ConsoleClient manager = start();
    // As stored before ids were checked: today's import and sync refuse it.
    app.stores()
        .members()
        .upsertAll(
            List.of(aMember().withId(HOSTILE_ID).inClub("north").named("Hal", "Hostile").build()),
            NOW);
    manager.login("manager@example.com", PASSWORD);

    String members = manager.get("/console/members?q=Hostile").body();
    String link = attribute(members, "href=\"([^\"]*members/q[^\"]*)\"");
    assertThat(link)
        .isEqualTo(
            "/console/members/q%2F..%2F..%2Fclubs%2Fnorth%2Fworkflows%2Fdoor-access%2Fpause%3F");

    // The note form's action, resolved as a browser resolves it (dot segments removed).
    HttpResponse<String> page = manager.get("/console/members/N1");
    String noteAction =
        attribute(page.body(), "action=\"([^\"]*/note)\"")
            .replace("N1", ConsoleUrls.segment(HOSTILE_ID));
    String resolved = URI.create("http://h" + noteAction).normalize().getRawPath();
    HttpResponse<String> posted = manager.post(resolved, Map.of("text", "called"));

    assertThat(app.pauses().isPaused(WorkflowId.DOOR_ACCESS, new ClubId("north")))
        .as("door-access paused by " + resolved + " (" + posted.statusCode() + ")")
        .isFalse();
    assertThat(app.stores().audit().latest(20)).noneMatch(e -> e.action().equals("pause"));
  }

  @Test
  void a_member_page_posts_its_forms_to_that_members_own_encoded_address() throws Exception {
    ConsoleClient manager = start();
    app.stores()
        .members()
        .upsertAll(
            List.of(aMember().withId(HOSTILE_ID).inClub("north").named("Hal", "Hostile").build()),
            NOW);
    manager.login("manager@example.com", PASSWORD);

    String page = manager.get("/console/members/N1").body();

    assertThat(attribute(page, "action=\"([^\"]*/note)\"")).isEqualTo("/console/members/N1/note");
    assertThat(ConsoleUrls.member(HOSTILE_ID, "note"))
        .isEqualTo(
            "/console/members/q%2F..%2F..%2Fclubs%2Fnorth%2Fworkflows%2Fdoor-access%2Fpause%3F/note");
  }

  @Test
  void a_pause_naming_the_club_in_capitals_pauses_the_configured_club() throws Exception {
    ConsoleClient owner = start();
    owner.login("owner@example.com", PASSWORD);
    owner.get("/console");

    HttpResponse<String> pause =
        owner.post("/console/clubs/NORTH/workflows/door-access/pause", Map.of());

    assertThat(pause.statusCode()).isEqualTo(303);
    assertThat(app.pauses().isPaused(WorkflowId.DOOR_ACCESS, new ClubId("north"))).isTrue();
    assertThat(app.pauses().all())
        .singleElement()
        .satisfies(p -> assertThat(p.club()).isEqualTo(new ClubId("north")));
  }

  @Test
  void answers_over_https_carry_strict_transport_security() throws Exception {
    ConsoleClient client = start("server: {public_url: 'https://gym.example.com'}\n");

    HttpResponse<String> login = client.get(ConsoleRoutes.LOGIN);

    assertThat(login.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("max-age=31536000"));
  }

  @Test
  void answers_over_plain_http_carry_no_strict_transport_security() throws Exception {
    ConsoleClient client = start();

    assertThat(client.get(ConsoleRoutes.LOGIN).headers().firstValue("Strict-Transport-Security"))
        .isEmpty();
  }

  @Test
  void head_on_a_console_page_without_a_session_is_sent_to_the_login_form() throws Exception {
    ConsoleClient anonymous = start();

    for (String path : List.of("/console", "/console/members", "/console/audit")) {
      HttpResponse<String> head = anonymous.head(path);
      assertThat(head.statusCode()).as(path).isEqualTo(302);
      assertThat(head.headers().firstValue("Location")).as(path).contains(ConsoleRoutes.LOGIN);
    }
  }

  @Test
  void a_malformed_multipart_body_is_a_bad_request_not_a_server_error() throws Exception {
    ConsoleClient manager = start();
    manager.login("manager@example.com", PASSWORD);
    manager.get("/console/members/N1");

    HttpResponse<String> note =
        manager.postBody(
            "/console/members/N1/note",
            "multipart/form-data; boundary=xyz",
            "--xyz\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nno end");
    HttpResponse<String> login =
        client().postBody(ConsoleRoutes.LOGIN, "multipart/form-data; boundary=", "--\r\n");

    assertThat(note.statusCode()).isBetween(400, 499);
    assertThat(login.statusCode()).isBetween(400, 499);
  }

  @Test
  void another_clubs_approval_id_is_not_found_like_an_unknown_one() throws Exception {
    ConsoleClient manager = start();
    app.stores()
        .approvals()
        .file(
            new Approval(
                "ap-south",
                new ClubId("south"),
                Approval.Kind.LOCKS_OVER_LIMIT,
                WorkflowId.DOOR_ACCESS,
                "lock 1",
                "door.lock",
                null,
                NOW,
                NOW.plus(Duration.ofHours(4)),
                Approval.Status.PENDING,
                null,
                null,
                null,
                null,
                null,
                List.of(
                    new ApprovalAction(
                        1,
                        new MemberId("S1"),
                        "lock_door",
                        "payment",
                        "door.lock",
                        "{}",
                        "{\"type\":\"LockDoor\"}",
                        null,
                        null))),
            "key:ap-south");
    manager.login("manager@example.com", PASSWORD);
    manager.get("/console/approvals");

    HttpResponse<String> other = manager.post("/console/approvals/ap-south/approve", Map.of());
    HttpResponse<String> unknown = manager.post("/console/approvals/ap-none/approve", Map.of());

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).contains("no approval 'ap-south'");
  }

  @Test
  void a_hold_until_an_absurd_date_is_refused() throws Exception {
    ConsoleClient manager = start();
    manager.login("manager@example.com", PASSWORD);
    manager.get("/console/members/N1");

    HttpResponse<String> hold =
        manager.post(
            "/console/members/N1/hold", Map.of("until", "+99999-01-01", "reason", "payment plan"));

    assertThat(hold.statusCode()).isEqualTo(400);
    assertThat(app.stores().holds().of(new MemberId("N1"))).isEmpty();
  }

  private static String attribute(String html, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(html);
    assertThat(matcher.find()).as(regex + " in the page").isTrue();
    return matcher.group(1);
  }
}
