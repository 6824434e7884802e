package com.gymops.adapter.web.console;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.web.OpsServer;
import com.gymops.app.GymOpsApp;
import com.gymops.application.care.Actor;
import com.gymops.application.port.store.ClubSystemLinks;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunRequest;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Approval;
import com.gymops.domain.ApprovalAction;
import com.gymops.domain.AuditEntry;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleRole;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowRun;
import com.gymops.testing.MutableClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console over real HTTP (Javalin on a free port, the embedded database, wired by the
 * composition root as {@code serve} wires it): login, roles, club scoping, CSRF, headers, expiry.
 */
class ConsoleHttpTest {
  private static final String PASSWORD = "a long pass phrase";
  private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
  private static final String CLUBS =
      "clubs:\n"
          + "  - {id: main, name: Main Club, timezone: America/New_York}\n"
          + "  - {id: east, name: East Club, timezone: America/New_York}\n";

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

  /** Starts the console on a club pair with an owner, a manager and staff of main. */
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
            Set.of(new ClubId("main")),
            PASSWORD.toCharArray());
    app.accounts()
        .add(
            BY,
            "staff@example.com",
            ConsoleRole.STAFF,
            Set.of(new ClubId("main")),
            PASSWORD.toCharArray());
    LocalDate since = LocalDate.of(2026, 2, 1);
    app.stores()
        .members()
        .upsertAll(
            List.of(
                aMember().withId("M1").named("Ana", "Lopez").withBalance("80.00", since).build(),
                aMember()
                    .withId("E1")
                    .inClub("east")
                    .named("Eve", "East")
                    .withBalance("90.00", since)
                    .build()),
            NOW);
    server = OpsServer.start(0, List::of, () -> "", null, null, app.console());
    return new ConsoleClient(server.port());
  }

  private ConsoleClient start() {
    return start("");
  }

  private String run(WorkflowId workflow, String club) {
    return app.runner()
        .run(new RunRequest(workflow, new ClubId(club), RunMode.RULES, false, NOW))
        .runId();
  }

  @Test
  void a_page_without_a_session_sends_the_browser_to_the_login_form() throws Exception {
    ConsoleClient client = start();

    HttpResponse<String> page = client.get("/console/runs");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).contains("/console/login");

    HttpResponse<String> poll = client.get("/console/today/cards", Map.of("HX-Request", "true"));
    assertThat(poll.statusCode()).isEqualTo(401);
    assertThat(poll.headers().firstValue("HX-Redirect")).contains("/console/login");
  }

  @Test
  void logging_in_sets_an_http_only_same_site_cookie_and_opens_today_for_every_club()
      throws Exception {
    ConsoleClient client = start();

    HttpResponse<String> login = client.login("owner@example.com", PASSWORD);

    assertThat(login.statusCode()).isEqualTo(302);
    String cookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(ConsoleGuard.SESSION_COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie)
        .contains("HttpOnly", "SameSite=Lax", "Path=/console")
        .doesNotContain("Secure");
    HttpResponse<String> today = client.get("/console");
    assertThat(today.statusCode()).isEqualTo(200);
    assertThat(today.body())
        .contains("<h1>Today</h1>", "Main Club", "East Club", "past-due-monitoring");
  }

  @Test
  void cookies_are_secure_when_the_console_is_reached_over_https() throws Exception {
    ConsoleClient client = start("server: {public_url: 'https://gym.example.com'}\n");

    HttpResponse<String> login = client.login("owner@example.com", PASSWORD);

    assertThat(login.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("gymops_session=").contains("; Secure"));
  }

  @Test
  void every_console_answer_carries_a_csp_without_inline_scripts_and_refuses_framing()
      throws Exception {
    ConsoleClient client = start();
    client.login("owner@example.com", PASSWORD);

    for (String path : List.of("/console/login", "/console", "/console/assets/htmx.min.js")) {
      HttpResponse<String> response = client.get(path);
      String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
      assertThat(csp)
          .contains("script-src 'self'", "frame-ancestors 'none'")
          .doesNotContain("unsafe");
      assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
    }
    HttpResponse<String> htmx = client.get("/console/assets/htmx.min.js");
    assertThat(htmx.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/javascript");
    assertThat(htmx.body()).contains("htmx");
    assertThat(client.get("/console").body()).doesNotContain("<script>", "style=\"", "onclick");
  }

  @Test
  void a_wrong_password_is_refused_and_after_five_the_account_is_throttled() throws Exception {
    ConsoleClient client = start();

    HttpResponse<String> wrong = client.login("manager@example.com", "not the password");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("wrong email or password");
    for (int i = 0; i < 4; i++) {
      client.login("manager@example.com", "not the password");
    }

    HttpResponse<String> throttled = client.login("manager@example.com", PASSWORD);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.body()).contains("too many failed logins");
    assertThat(client.cookies()).doesNotContainKey(ConsoleGuard.SESSION_COOKIE);
  }

  @Test
  void a_post_without_its_csrf_token_is_refused_and_runs_nothing() throws Exception {
    ConsoleClient client = start();
    client.login("manager@example.com", PASSWORD);
    client.get("/console");
    String preview = "/console/clubs/main/workflows/door-access/preview";

    assertThat(client.postRaw(preview, Map.of()).statusCode()).isEqualTo(403);
    assertThat(client.postRaw(preview, Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);

    assertThat(app.runHistory().latest(10)).isEmpty();
  }

  @Test
  void a_login_form_posted_without_its_own_token_is_refused() throws Exception {
    ConsoleClient client = start();

    HttpResponse<String> response =
        client.postRaw(
            "/console/login", Map.of("email", "owner@example.com", "password", PASSWORD));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(client.cookies()).doesNotContainKey(ConsoleGuard.SESSION_COOKIE);
  }

  @Test
  void staff_read_today_but_cannot_run_a_workflow() throws Exception {
    ConsoleClient client = start();
    client.login("staff@example.com", PASSWORD);

    HttpResponse<String> today = client.get("/console");
    assertThat(today.statusCode()).isEqualTo(200);
    assertThat(today.body()).doesNotContain("Run now");

    HttpResponse<String> refused =
        client.post("/console/clubs/main/workflows/door-access/preview", Map.of());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Staff accounts can read but not act");
    assertThat(app.runHistory().latest(10)).isEmpty();
  }

  @Test
  void a_members_page_shows_the_club_systems_id_standing_and_last_check_in() throws Exception {
    ConsoleClient client = start();
    app.stores()
        .clubLinks()
        .putAll(
            List.of(
                new ClubSystemLinks.Link(
                    new MemberId("M1"), "88123", "pending_cancel", LocalDate.of(2026, 11, 30))),
            NOW);
    client.login("owner@example.com", PASSWORD);

    assertThat(client.get("/console/members/M1").body())
        .contains("club system", "member 88123, pending cancel, last checked in Mon Nov 30, 2026");
    assertThat(client.get("/console/members/E1").body()).doesNotContain("club-system");
  }

  @Test
  void a_manager_sees_only_their_clubs_runs_and_members() throws Exception {
    ConsoleClient client = start();
    String eastRun = run(WorkflowId.PAST_DUE_MONITORING, "east");
    String mainRun = run(WorkflowId.PAST_DUE_MONITORING, "main");
    client.login("manager@example.com", PASSWORD);

    assertThat(client.get("/console").body()).contains("Main Club").doesNotContain("East Club");
    assertThat(client.get("/console/runs").body()).contains(mainRun).doesNotContain(eastRun);
    assertThat(client.get("/console/runs/" + eastRun).statusCode()).isEqualTo(404);
    assertThat(client.get("/console/runs/" + mainRun).statusCode()).isEqualTo(200);
    assertThat(client.get("/console/members?q=east").body()).contains("No member matches");
    assertThat(client.get("/console/members/E1").statusCode()).isEqualTo(404);
    assertThat(client.get("/console/members/M1").body()).contains("Ana Lopez", "80.00");
    assertThat(
            client.post("/console/clubs/east/workflows/door-access/preview", Map.of()).statusCode())
        .isEqualTo(403);
  }

  @Test
  void run_now_shows_a_dry_run_first_and_runs_for_real_on_confirmation() throws Exception {
    ConsoleClient client = start();
    client.login("manager@example.com", PASSWORD);
    client.get("/console");

    HttpResponse<String> preview =
        client.post("/console/clubs/main/workflows/door-access/preview", Map.of());
    assertThat(preview.statusCode()).isEqualTo(303);
    String previewPage = preview.headers().firstValue("Location").orElseThrow();
    WorkflowRun dry = app.runHistory().latest(1).get(0);
    assertThat(dry.dryRun()).isTrue();
    assertThat(previewPage).isEqualTo("/console/runs/" + dry.runId() + "?confirm=1");
    assertThat(app.stores().members().find(new MemberId("M1")).orElseThrow().door())
        .as("a dry run changes nothing")
        .isEqualTo(DoorAccess.OPEN);

    HttpResponse<String> page = client.get(previewPage);
    assertThat(page.body()).contains("dry run: nothing was changed", "Run it for real?", "lock");
    assertThat(summaryOf(page.body()))
        .isEqualTo(
            "members it would lock: 1; members it would unlock: 0; notifications it would queue:"
                + " 1; lock warnings it would queue: 0");

    HttpResponse<String> real =
        client.post("/console/clubs/main/workflows/door-access/run", Map.of());
    assertThat(real.statusCode()).isEqualTo(303);
    String realPage = real.headers().firstValue("Location").orElseThrow();
    WorkflowRun done =
        app.runHistory().find(realPage.substring(realPage.lastIndexOf('/') + 1)).orElseThrow();
    assertThat(done.dryRun()).isFalse();
    assertThat(done.runId()).isNotEqualTo(dry.runId());
    assertThat(app.stores().members().find(new MemberId("M1")).orElseThrow().door())
        .isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    assertThat(summaryOf(client.get(realPage).body()))
        .isEqualTo(
            "members locked: 1; members unlocked: 0; notifications queued: 1; lock warnings"
                + " queued: 0");
  }

  /** The run's summary paragraph of a page. */
  private static String summaryOf(String page) {
    java.util.regex.Matcher summary =
        java.util.regex.Pattern.compile("<p class=\"summary\">([^<]*)</p>").matcher(page);
    assertThat(summary.find()).as("a summary on the page").isTrue();
    return summary.group(1);
  }

  @Test
  void a_session_ends_after_thirty_idle_minutes_and_at_logout() throws Exception {
    ConsoleClient client = start();
    client.login("owner@example.com", PASSWORD);
    assertThat(client.get("/console").statusCode()).isEqualTo(200);

    clock.advance(Duration.ofMinutes(31));
    assertThat(client.get("/console").statusCode()).isEqualTo(302);

    client.login("owner@example.com", PASSWORD);
    String session = client.cookies().get(ConsoleGuard.SESSION_COOKIE);
    client.get("/console");
    HttpResponse<String> logout = client.post("/console/logout", Map.of());
    assertThat(logout.statusCode()).isEqualTo(302);
    client.cookies().put(ConsoleGuard.SESSION_COOKIE, session);
    assertThat(client.get("/console").statusCode())
        .as("the old cookie opens nothing")
        .isEqualTo(302);
  }

  @Test
  void bad_filters_get_a_400_naming_the_problem() throws Exception {
    ConsoleClient client = start();
    client.login("owner@example.com", PASSWORD);

    HttpResponse<String> outbox = client.get("/console/outbox?view=lost");
    assertThat(outbox.statusCode()).isEqualTo(400);
    assertThat(outbox.body()).contains("'lost' is not a view of the outbox");
    HttpResponse<String> runs = client.get("/console/runs?workflow=nightly");
    assertThat(runs.statusCode()).isEqualTo(400);
    assertThat(runs.body()).contains("unknown workflow");
  }

  @Test
  void every_page_renders_for_a_club_with_history() throws Exception {
    ConsoleClient client = start();
    String runId = run(WorkflowId.DOOR_ACCESS, "main");
    run(WorkflowId.PAST_DUE_MONITORING, "main");
    app.dispatcher().dispatch(NOW);
    client.login("owner@example.com", PASSWORD);

    assertThat(client.get("/console").body())
        .contains(runId, "succeeded")
        .contains("1 member locked out for not paying")
        .contains("No payment reminder was due", "$80.00 past due, owed by 1 member")
        .doesNotContain("sent: ");
    assertThat(client.get("/console/runs?workflow=door-access&status=succeeded").body())
        .contains(runId);
    assertThat(client.get("/console/runs?member=M1").body()).contains(runId);
    assertThat(client.get("/console/runs/" + runId).body()).contains("door.lock", "M1");
    assertThat(client.get("/console/members?q=lopez").body()).contains("/console/members/M1");
    assertThat(client.get("/console/members/M1").body()).contains("door", "locked (payment)");
    assertThat(client.get("/console/outbox?view=sent").statusCode()).isEqualTo(200);
    HttpResponse<String> settings = client.get("/console/settings");
    assertThat(settings.body()).contains("access.grace_period_days", "ANTHROPIC_API_KEY");
  }

  @Test
  void a_managers_hold_lock_note_and_pause_go_through_the_engine_and_are_audited_as_them()
      throws Exception {
    ConsoleClient client = start();
    client.login("manager@example.com", PASSWORD);
    client.get("/console/members/M1");

    assertThat(
            client
                .post(
                    "/console/members/M1/hold",
                    Map.of("until", "2026-04-01", "reason", "payment plan"))
                .statusCode())
        .isEqualTo(303);
    assertThat(
            client.post("/console/members/M1/lock", Map.of("reason", "card shared")).statusCode())
        .isEqualTo(303);
    assertThat(
            client
                .post("/console/members/M1/note", Map.of("text", "called, will pay"))
                .statusCode())
        .isEqualTo(303);
    assertThat(
            client
                .post("/console/clubs/main/workflows/past-due-monitoring/pause", Map.of())
                .statusCode())
        .isEqualTo(303);

    MemberId m1 = new MemberId("M1");
    assertThat(app.stores().members().find(m1).orElseThrow().door())
        .isEqualTo(DoorAccess.LOCKED_OTHER);
    assertThat(app.pauses().isPaused(WorkflowId.PAST_DUE_MONITORING, new ClubId("main"))).isTrue();
    assertThat(client.get("/console/members/M1").body())
        .contains("on hold until 2026-04-01: payment plan", "locked (other)", "called, will pay");
    assertThat(client.get("/console").body()).contains("Paused", "Resume");
    assertThat(app.stores().audit().latest(20))
        .filteredOn(entry -> entry.actor().equals("manager@example.com"))
        .extracting(AuditEntry::action)
        .contains("hold", "lock", "note", "pause", "login");
  }

  @Test
  void a_bad_action_form_is_refused_with_the_reason_and_changes_nothing() throws Exception {
    ConsoleClient client = start();
    client.login("manager@example.com", PASSWORD);
    client.get("/console/members/M1");

    HttpResponse<String> badDate =
        client.post("/console/members/M1/hold", Map.of("until", "next week", "reason", "plan"));
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(badDate.body()).contains("'next week' is not a date (YYYY-MM-DD)");
    HttpResponse<String> unlocked =
        client.post("/console/members/M1/unlock", Map.of("reason", "x"));
    assertThat(unlocked.statusCode()).isEqualTo(409);
    assertThat(client.post("/console/members/E1/lock", Map.of("reason", "x")).statusCode())
        .isEqualTo(404);

    assertThat(app.stores().holds().of(new MemberId("M1"))).isEmpty();
  }

  @Test
  void staff_cannot_act_on_a_member_and_only_owners_see_the_audit_page() throws Exception {
    ConsoleClient staff = start();
    staff.login("staff@example.com", PASSWORD);
    staff.get("/console/members/M1");

    assertThat(staff.get("/console/members/M1").body()).doesNotContain("Lock the door");
    assertThat(staff.post("/console/members/M1/lock", Map.of("reason", "x")).statusCode())
        .isEqualTo(403);
    assertThat(staff.get("/console/audit").statusCode()).isEqualTo(403);

    ConsoleClient owner = new ConsoleClient(server.port());
    owner.login("owner@example.com", PASSWORD);
    HttpResponse<String> audit = owner.get("/console/audit");
    assertThat(audit.statusCode()).isEqualTo(200);
    assertThat(audit.body()).contains("staff@example.com", "login", "user-add");
    assertThat(app.stores().members().find(new MemberId("M1")).orElseThrow().door())
        .isEqualTo(DoorAccess.OPEN);
  }

  @Test
  void a_one_off_message_waits_as_a_card_with_its_words_and_once_approved_says_what_it_queued()
      throws Exception {
    ConsoleClient client = start();
    app.stores()
        .members()
        .upsertAll(
            List.of(
                aMember()
                    .withId("P1")
                    .named("Zoe", "Park")
                    .withStatus(com.gymops.domain.MemberStatus.PROSPECT)
                    .build(),
                aMember()
                    .withId("P2")
                    .named("Yan", "Li")
                    .withStatus(com.gymops.domain.MemberStatus.PROSPECT)
                    .withConsent(false)
                    .build()),
            NOW);
    Approval filed =
        app.requests()
            .message(
                new Actor("token:desk", new ClubId("main")),
                new ClubId("main"),
                com.gymops.policy.MessageSegment.PROSPECTS,
                "Hi {first_name}, open house Saturday!")
            .approval();
    client.login("manager@example.com", PASSWORD);

    String inbox = client.get("/console/approvals").body();

    assertThat(inbox)
        .contains(
            "Send a one-off text to 1 member",
            "Asked for by token:desk through Ask GymOps",
            "1 one-off text",
            "Main Club: Hi Zoe, open house Saturday! Reply STOP to opt out.")
        .doesNotContain("Yan");
    app.approvals().approve(BY, filed.id());
    assertThat(client.get("/console/approvals?decided=" + filed.id()).body())
        .contains("1 text queued");
    assertThat(app.stores().outbox().ofMember(new MemberId("P1"))).hasSize(1);
    assertThat(app.stores().outbox().ofMember(new MemberId("P2"))).isEmpty();
  }

  @Test
  void several_selected_approvals_are_decided_one_by_one_and_those_not_pending_are_named()
      throws Exception {
    ConsoleClient client = start();
    fileApproval("apr-a", "main", "M1");
    fileApproval("apr-b", "main", "M1");
    fileApproval("apr-e", "east", "E1");
    fileApproval("apr-done", "main", "M1");
    app.approvals().deny(new Actor("owner@example.com", null), "apr-done", "earlier");
    client.login("manager@example.com", PASSWORD);
    assertThat(client.get("/console/approvals").body())
        .contains("id=\"selected\"", "value=\"apr-a\" form=\"selected\"");

    HttpResponse<String> noReason =
        client.postFields(
            "/console/approvals/selected",
            List.of(Map.entry("id", "apr-a"), Map.entry("decision", "deny")));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("a denial needs a reason");
    HttpResponse<String> none =
        client.postFields("/console/approvals/selected", List.of(Map.entry("decision", "approve")));
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("select at least one approval");
    assertThat(app.approvals().find(BY, "apr-a").status()).isEqualTo(Approval.Status.PENDING);

    HttpResponse<String> denied =
        client.postFields(
            "/console/approvals/selected",
            List.of(
                Map.entry("id", "apr-a"),
                Map.entry("id", "apr-b"),
                Map.entry("id", "apr-e"),
                Map.entry("id", "apr-done"),
                Map.entry("decision", "deny"),
                Map.entry("reason", "members called in")));

    assertThat(denied.statusCode()).isEqualTo(200);
    assertThat(denied.body())
        .contains("apr-a: denied", "apr-b: denied")
        .contains("apr-e: no approval 'apr-e'")
        .contains(
            "apr-done: approval apr-done is not pending: it is denied (by owner@example.com)");
    for (String id : List.of("apr-a", "apr-b")) {
      Approval approval = app.approvals().find(BY, id);
      assertThat(approval.status()).isEqualTo(Approval.Status.DENIED);
      assertThat(approval.decidedBy()).isEqualTo("manager@example.com");
      assertThat(approval.reason()).isEqualTo("members called in");
      assertThat(app.stores().audit().about("approval:" + id))
          .extracting(AuditEntry::actor, AuditEntry::action)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("manager@example.com", "deny"));
    }
    assertThat(app.approvals().find(BY, "apr-e").status()).isEqualTo(Approval.Status.PENDING);

    client.post("/console/logout", Map.of());
    client.login("owner@example.com", PASSWORD);
    client.get("/console/approvals");
    HttpResponse<String> approved =
        client.postFields(
            "/console/approvals/selected",
            List.of(Map.entry("id", "apr-e"), Map.entry("decision", "approve")));
    assertThat(approved.body()).contains("apr-e: approved");
    Approval executed = app.approvals().find(BY, "apr-e");
    assertThat(executed.status()).isEqualTo(Approval.Status.APPROVED);
    assertThat(executed.executedAt()).as("executed by the engine, as one by one").isNotNull();
  }

  private void fileApproval(String id, String club, String member) {
    app.stores()
        .approvals()
        .file(
            new Approval(
                id,
                new ClubId(club),
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
                        new MemberId(member),
                        "lock_door",
                        "payment",
                        "door.lock",
                        "{}",
                        "{\"type\":\"LockDoor\"}",
                        null,
                        null))),
            "key:" + id);
  }

  @Test
  void a_manager_cancels_a_queued_text_and_retries_a_failed_one_but_never_an_unknown_outcome()
      throws Exception {
    ConsoleClient client = start();
    long queued = enqueue("queued", "main", "M1");
    long failed = enqueue("failed", "main", "M1");
    long unknown = enqueue("unknown", "main", "M1");
    long east = enqueue("east", "east", "E1");
    app.stores().outbox().claim(failed, NOW);
    app.stores().outbox().markFailed(failed, NOW, "30003: unreachable handset");
    app.stores().outbox().claim(unknown, NOW.minus(Duration.ofHours(1)));
    app.stores()
        .outbox()
        .failStuckSending(NOW, NOW, "outcome unknown: GymOps stopped while sending");
    client.login("manager@example.com", PASSWORD);

    String unknownPage = client.get("/console/outbox?view=unknown").body();
    assertThat(unknownPage)
        .contains("id=\"unknown-why\"", "GymOps will not send", "Not sent again: its outcome is")
        .doesNotContain("retry-" + unknown);
    assertThat(client.get("/console/outbox?view=failed").body()).contains("id=\"retry-" + failed);
    assertThat(client.get("/console/outbox?view=due").body()).contains("id=\"cancel-" + queued);
    app.stores()
        .attempts()
        .addAll(
            List.of(
                new com.gymops.application.port.store.AttemptStore.KeyedAttempt(
                    new com.gymops.domain.CollectionAttempt(
                        new MemberId("M1"),
                        NOW,
                        com.gymops.domain.AttemptKind.FRIENDLY,
                        Channel.SMS,
                        com.gymops.domain.AttemptOutcome.SENT),
                    com.gymops.application.run.EffectKeys.attempt("queued"),
                    "run-1")));

    HttpResponse<String> cancel =
        client.post("/console/outbox/" + queued + "/cancel", Map.of("view", "due"));
    assertThat(cancel.statusCode()).isEqualTo(303);
    assertThat(cancel.headers().firstValue("Location")).contains("/console/outbox?view=due");
    assertThat(app.stores().outbox().find(queued).orElseThrow().status())
        .isEqualTo(MessageStatus.SUPPRESSED);
    assertThat(app.stores().outbox().find(queued).orElseThrow().error())
        .isEqualTo("cancelled by manager@example.com");
    // A cancelled reminder is no failed one: escalation must not count it against the member.
    assertThat(app.stores().attempts().ofMember(new MemberId("M1")))
        .extracting(com.gymops.domain.CollectionAttempt::outcome)
        .containsExactly(com.gymops.domain.AttemptOutcome.SUPPRESSED);
    HttpResponse<String> again = client.post("/console/outbox/" + queued + "/cancel", Map.of());
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("is no longer queued: suppressed");

    HttpResponse<String> retry = client.post("/console/outbox/" + failed + "/retry", Map.of());
    assertThat(retry.statusCode()).isEqualTo(303);
    OutboundMessage requeued = app.stores().outbox().find(failed).orElseThrow();
    assertThat(requeued.status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(requeued.notBefore()).isEqualTo(NOW);
    assertThat(requeued.error()).isNull();

    HttpResponse<String> refused = client.post("/console/outbox/" + unknown + "/retry", Map.of());
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("its outcome is unknown", "never sends a text twice");
    assertThat(app.stores().outbox().find(unknown).orElseThrow().status())
        .isEqualTo(MessageStatus.FAILED);

    assertThat(client.post("/console/outbox/" + east + "/cancel", Map.of()).statusCode())
        .as("another club's text")
        .isEqualTo(404);
    assertThat(client.post("/console/outbox/x1/cancel", Map.of()).statusCode()).isEqualTo(400);
    assertThat(client.postRaw("/console/outbox/" + east + "/cancel", Map.of()).statusCode())
        .as("no CSRF token")
        .isEqualTo(403);
    assertThat(app.stores().outbox().find(east).orElseThrow().status())
        .isEqualTo(MessageStatus.QUEUED);

    assertThat(app.stores().audit().about("message:" + queued))
        .extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::after)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("manager@example.com", "cancel", "suppressed"));
    assertThat(app.stores().audit().about("message:" + failed))
        .extracting(AuditEntry::action, AuditEntry::before, AuditEntry::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("retry", "failed", "30003: unreachable handset"));
    assertThat(app.stores().audit().about("message:" + unknown)).isEmpty();
  }

  @Test
  void a_failed_text_to_a_member_who_opted_out_since_is_not_retried_and_staff_cannot_act()
      throws Exception {
    ConsoleClient client = start();
    long failed = enqueue("failed", "main", "M1");
    app.stores().outbox().claim(failed, NOW);
    app.stores().outbox().markFailed(failed, NOW, "30003: unreachable handset");
    app.manualActions().setOptedOut(BY, new MemberId("M1"), true);

    client.login("staff@example.com", PASSWORD);
    assertThat(client.get("/console/outbox?view=failed").body()).doesNotContain("retry-" + failed);
    assertThat(client.post("/console/outbox/" + failed + "/retry", Map.of()).statusCode())
        .isEqualTo(403);

    client.post("/console/logout", Map.of());
    client.login("manager@example.com", PASSWORD);
    client.get("/console/outbox?view=failed");
    HttpResponse<String> refused = client.post("/console/outbox/" + failed + "/retry", Map.of());
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("the member has opted out of texts");
    assertThat(app.stores().outbox().find(failed).orElseThrow().status())
        .isEqualTo(MessageStatus.FAILED);
  }

  private long enqueue(String key, String club, String member) {
    return app.stores()
        .outbox()
        .enqueue(
            new OutboundMessage(
                0,
                key,
                new ClubId(club),
                new MemberId(member),
                Channel.SMS,
                "+14155550101",
                MessagePurpose.REMINDER,
                "friendly",
                null,
                "Hello",
                1,
                MessageStatus.QUEUED,
                NOW,
                NOW.minusSeconds(60),
                null,
                null,
                null,
                null))
        .orElseThrow();
  }

  @Test
  void settings_show_each_integrations_last_success_and_last_error() throws Exception {
    ConsoleClient client = start();
    var health = com.gymops.adapter.persistence.Persistence.integrationHealth(app.database());
    health.succeeded("door", NOW.minusSeconds(120));
    health.failed("door", NOW.minusSeconds(60), "503 from the door system");
    client.login("staff@example.com", PASSWORD);

    String page = client.get("/console/settings").body();

    assertThat(page).contains("id=\"health\"", "id=\"health-twilio\"");
    String door = page.substring(page.indexOf("id=\"health-door\""));
    door = door.substring(0, door.indexOf("</li>"));
    assertThat(door)
        .contains("not in use")
        .contains("last success</span> 2026-03-10T14:58:00Z (UTC)")
        .contains("last error</span> 2026-03-10T14:59:00Z (UTC)")
        .contains("503 from the door system");
    String smtp = page.substring(page.indexOf("id=\"health-smtp\""));
    assertThat(smtp.substring(0, smtp.indexOf("</li>"))).contains("last success</span> never");
  }
}
