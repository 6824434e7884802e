package com.gymops.adapter.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.web.OpsServer;
import com.gymops.app.GymOpsApp;
import com.gymops.app.demo.DemoClubGenerator;
import com.gymops.application.care.Actor;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunRequest;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Approval;
import com.gymops.domain.ApprovalAction;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleRole;
import com.gymops.domain.DoorState;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import com.gymops.fakes.CompetentModel;
import com.gymops.fakes.FakeMessagesApi;
import com.gymops.testing.MutableClock;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console in a real Chromium (Debian's chromium and chromium-driver, driven by Selenium), one
 * browser session for the whole class, on a 400-person demo club whose workflows ran by the rules
 * and, for past-due monitoring, by the agent against the loopback fake of the Messages API. The
 * tests take screenshots of the main pages into target/console-screenshots, or into the folder
 * named by {@code -Dgymops.screenshots} ({@code -Dgymops.screenshots=docs/console} refreshes the
 * ones the README shows), so a test run leaves the work tree as it was. Without Chromium they are
 * skipped with the reason; .ci/run installs it and fails when they were skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
  private static final String OWNER = "owner@example.com";
  private static final String PASSWORD = "a long pass phrase";
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  private static final Instant AT = TODAY.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();

  private Path directory;
  private FakeMessagesApi messagesApi;
  private GymOpsApp app;
  private OpsServer server;
  private WebDriver browser;
  private String base;
  private Member pastDue;

  @BeforeAll
  void start() throws IOException {
    HeadlessChromium.assumeInstalled();
    directory = Files.createTempDirectory("gymops-browser");
    messagesApi = new FakeMessagesApi(new CompetentModel());
    GymOpsConfig config =
        ConfigLoader.parse(
            "clubs: [{id: main, name: Downtown 24/7 Fitness, timezone: America/New_York,"
                + " manager: {phone: '+12015550100', email: manager@example.com}}]\n"
                // The breaker trips on this small club: door-access would lock every member who
                // owes anything after one reminder, and files those locks as approvals.
                + "collections: {lock_amount: 1.00, lock_attempts: 1}\n"
                + "access: {max_locks_per_run: 1, grace_period_days: 0}\n",
            Map.of("ANTHROPIC_API_KEY", "test-key", "ANTHROPIC_BASE_URL", messagesApi.baseUrl()),
            ZONE);
    app = GymOpsApp.open(config, directory.resolve("data"), new MutableClock(AT, ZONE));
    ClubId main = new ClubId("main");
    app.seed(new DemoClubGenerator(TODAY, ZONE).generate(main, 400, 2026));
    for (WorkflowId workflow : WorkflowId.values()) {
      RunMode mode = workflow == WorkflowId.PAST_DUE_MONITORING ? RunMode.AGENT : RunMode.RULES;
      app.runner().run(new RunRequest(workflow, main, mode, false, AT));
    }
    app.dispatcher().dispatch(AT);
    // The breaker's first approval covers every lock; one member then goes on a payment plan, and
    // the next hour's run trips the breaker again over the others: a second approval.
    Approval first = pendingBreaker().get(0);
    assertThat(first.actions().stream().filter(a -> a.action().equals("lock_door")).count())
        .as("locks the breaker withheld")
        .isGreaterThan(2);
    app.holds()
        .hold(
            Actor.person("test"),
            first.actions().stream()
                .filter(a -> a.action().equals("lock_door"))
                .findFirst()
                .orElseThrow()
                .memberId(),
            TODAY.plusDays(14),
            "payment plan");
    app.runner()
        .run(
            new RunRequest(
                WorkflowId.DOOR_ACCESS, main, RunMode.RULES, false, AT.plus(Duration.ofHours(1))));
    assertThat(pendingBreaker()).hasSize(2);
    Set<MemberId> covered =
        pendingBreaker().stream()
            .flatMap(a -> a.actions().stream())
            .map(ApprovalAction::memberId)
            .collect(Collectors.toSet());
    pastDue =
        app.stores().members().pastDueOrLocked(main).stream()
            .filter(m -> m.door().lockReason() == null && !covered.contains(m.id()))
            .findFirst()
            .orElseThrow();
    app.accounts()
        .add(Actor.person("test"), OWNER, ConsoleRole.OWNER, Set.of(), PASSWORD.toCharArray());
    server = OpsServer.start(0, List::of, () -> "", null, null, app.console());
    base = "http://127.0.0.1:" + server.port();

    ChromeOptions options = HeadlessChromium.options(directory.resolve("chromium-profile"));
    browser = HeadlessChromium.start(options);
    browser.manage().window().setSize(new Dimension(1280, 1000));
    Files.createDirectories(HeadlessChromium.SCREENSHOTS);
  }

  /** The pending breaker approvals, oldest first. */
  private List<Approval> pendingBreaker() {
    return app.approvals().list(Actor.person("test"), new ClubId("main"), true).stream()
        .filter(a -> a.kind() == Approval.Kind.LOCKS_OVER_LIMIT)
        .sorted(Comparator.comparing(Approval::createdAt).thenComparing(a -> a.actions().size()))
        .toList();
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (app != null) {
      app.close();
    }
    if (messagesApi != null) {
      messagesApi.close();
    }
    if (directory != null) {
      try (var files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @Test
  @Order(1)
  void a_manager_logs_in_and_sees_today() throws IOException {
    browser.get(base + "/console");
    assertThat(browser.getCurrentUrl()).endsWith("/console/login");
    screenshot("login");

    browser.findElement(By.id("email")).sendKeys(OWNER);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    open(browser.findElement(By.id("login")));

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Today");
    assertThat(browser.findElements(By.cssSelector("article.card"))).hasSize(6);
    assertThat(browser.findElement(By.id("card-main-past-due-monitoring")).getText())
        .contains("succeeded");
  }

  @Test
  @Order(2)
  void a_run_opens_with_its_actions_and_the_agents_transcript() throws IOException {
    open(browser.findElement(By.cssSelector("#card-main-past-due-monitoring a.status")));

    assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Past-due monitoring");
    assertThat(browser.findElement(By.id("transcript")).getText()).isEqualTo("Agent transcript");
    assertThat(browser.findElements(By.cssSelector(".transcript .line.call"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector(".transcript .line.model"))).isNotEmpty();
    screenshot("run-transcript");
  }

  @Test
  @Order(3)
  void approving_the_agents_held_reminder_executes_it_once() throws IOException {
    open(browser.findElement(By.linkText("Approvals")));
    WebElement held = approval(Approval.Kind.AGENT_HOLD);
    String id = held.getAttribute("id").substring("approval-".length());
    assertThat(held.getText()).contains("Approve", "Deny", "payment reminder");

    open(held.findElement(By.cssSelector("button.approve")));

    assertThat(browser.findElement(By.id("approval-" + id)).getText())
        .contains("approved by " + OWNER);
    assertThat(app.approvals().find(Actor.person(OWNER), id).executedAt()).isNotNull();
    assertThat(browser.findElement(By.id("approval-" + id)).getAttribute("class"))
        .doesNotContain("pending");
  }

  @Test
  @Order(4)
  void denying_a_breaker_approval_with_a_reason_locks_no_one() {
    Approval denied = pendingBreaker().get(1);
    assertThat(denied.actions().size()).isGreaterThan(pendingBreaker().get(0).actions().size());
    WebElement article = browser.findElement(By.id("approval-" + denied.id()));
    assertThat(article.getText()).contains("Door locks over the limit", "door lock");

    article.findElement(By.name("reason")).sendKeys("the club is closed for repairs");
    open(article.findElement(By.cssSelector("button.deny")));

    assertThat(browser.findElement(By.id("approval-" + denied.id())).getText())
        .contains("denied by " + OWNER + " on", "the club is closed for repairs");
    assertThat(app.approvals().find(Actor.person(OWNER), denied.id()).executedAt()).isNull();
    for (ApprovalAction action : denied.actions()) {
      assertThat(app.stores().members().find(action.memberId()).orElseThrow().door().state())
          .as(action.memberId() + "'s door after the denial")
          .isEqualTo(DoorState.ACTIVE);
    }
    String member = denied.actions().get(0).memberId().value();
    browser.get(base + "/console/members/" + member);
    assertThat(browser.findElements(By.cssSelector(".timeline li.door")))
        .as("no door change on " + member + "'s timeline")
        .isEmpty();
  }

  @Test
  @Order(5)
  void approving_a_breaker_approval_locks_its_members_and_their_timelines_show_it()
      throws IOException {
    Approval approved = pendingBreaker().get(0);
    open(browser.findElement(By.linkText("Approvals")));
    WebElement article = browser.findElement(By.id("approval-" + approved.id()));
    assertThat(article.getText()).contains("Door locks over the limit", "door lock");

    open(article.findElement(By.cssSelector("button.approve")));

    assertThat(browser.findElement(By.id("approval-" + approved.id())).getText())
        .contains("approved by " + OWNER);
    List<MemberId> locked =
        approved.actions().stream()
            .filter(a -> a.action().equals("lock_door"))
            .map(ApprovalAction::memberId)
            .toList();
    for (MemberId member : locked) {
      assertThat(app.stores().members().find(member).orElseThrow().door().state())
          .as(member + "'s door after the approval")
          .isEqualTo(DoorState.LOCKED);
    }
    browser.get(base + "/console/members/" + locked.get(0).value());
    assertThat(browser.findElement(By.id("door")).getText()).startsWith("locked");
    assertThat(browser.findElements(By.cssSelector(".timeline li.door"))).hasSize(1);
    assertThat(browser.findElement(By.cssSelector(".timeline li.door")).getText())
        .contains("locked");
  }

  private WebElement approval(Approval.Kind kind) {
    return browser
        .findElements(By.cssSelector("article.approval.pending[data-kind='" + kind.code() + "']"))
        .stream()
        .findFirst()
        .orElseThrow(() -> new AssertionError("no pending " + kind.code() + " approval"));
  }

  @Test
  @Order(6)
  void a_member_is_found_and_put_on_hold() throws IOException {
    open(browser.findElement(By.linkText("Members")));
    browser.findElement(By.id("q")).sendKeys(pastDue.id().value() + "\n");
    open(browser.findElement(By.linkText(pastDue.firstName() + " " + pastDue.lastName())));

    String until = TODAY.plusDays(30).toString();
    // A date input takes the digits in the browser's locale order; set the value as the form sends
    // it.
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('hold-until').value = arguments[0]", until);
    browser.findElement(By.id("hold-reason")).sendKeys("payment plan");
    open(browser.findElement(By.id("hold-submit")));

    assertThat(browser.findElement(By.id("hold")).getText())
        .contains("on hold until " + until + ": payment plan (" + OWNER + ")");
    assertThat(app.holds().standing(app.stores().members().find(pastDue.id()).orElseThrow()))
        .isPresent();
  }

  @Test
  @Order(7)
  void the_outbox_settings_and_audit_pages_open() throws IOException {
    open(browser.findElement(By.linkText("Outbox")));
    // No SMS provider here: what the dispatcher handed over went to the message log.
    open(browser.findElement(By.id("tab-logged")));
    assertThat(browser.findElements(By.cssSelector(".rows li"))).isNotEmpty();
    assertThat(browser.findElement(By.id("logged-why")).getText()).contains("not sent");
    assertThat(browser.findElement(By.cssSelector(".rows li .how")).getText())
        .isEqualTo("logged, not sent (no SMS provider)");
    screenshot("outbox-logged");
    open(browser.findElement(By.id("tab-sent")));
    assertThat(browser.findElements(By.cssSelector(".rows li"))).as("nothing was sent").isEmpty();

    open(browser.findElement(By.linkText("Settings")));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("ANTHROPIC_API_KEY");

    open(browser.findElement(By.linkText("Audit")));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("hold", "login");
    screenshot("audit");
  }

  @Test
  @Order(8)
  void every_page_fits_a_375_pixel_phone_without_sideways_scrolling() throws IOException {
    browser.manage().window().setSize(new Dimension(375, 812));
    for (String page :
        List.of(
            "/console",
            "/console/runs",
            "/console/members/" + pastDue.id().value(),
            "/console/outbox",
            "/console/settings")) {
      browser.get(base + page);
      Object overflow =
          ((JavascriptExecutor) browser)
              .executeScript(
                  "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertThat(((Number) overflow).longValue())
          .as(page + " scrolls sideways")
          .isLessThanOrEqualTo(0);
    }
    browser.manage().window().setSize(new Dimension(1280, 1000));
  }

  @Test
  @Order(9)
  void a_hostile_member_id_leads_to_that_members_page_and_its_note_form_pauses_nothing() {
    // As stored before member ids were checked: today's import and sync refuse it.
    String hostile = "q/../../clubs/main/workflows/door-access/pause?";
    app.stores()
        .members()
        .upsertAll(
            List.of(
                com.gymops.testing.MemberBuilder.aMember()
                    .withId(hostile)
                    .inClub("main")
                    .named("Hal", "Hostile")
                    .build()),
            AT);
    browser.get(base + "/console/members?q=Hostile");

    open(browser.findElement(By.linkText("Hal Hostile")));
    String landed = browser.getCurrentUrl();
    for (WebElement form : browser.findElements(By.cssSelector("form[action$='/note']"))) {
      assertThat(form.getAttribute("action")).contains("q%2F..%2F..%2Fclubs%2Fmain");
      form.findElement(By.cssSelector("textarea, input[name='text']")).sendKeys("called");
      open(form.findElement(By.cssSelector("button")));
    }

    assertThat(landed).contains("/console/members/q%2F..%2F..%2Fclubs%2Fmain");
    assertThat(app.pauses().isPaused(WorkflowId.DOOR_ACCESS, new ClubId("main")))
        .as("door-access paused from " + landed)
        .isFalse();
    assertThat(app.stores().audit().latest(50)).noneMatch(e -> e.action().equals("pause"));
  }

  @Test
  @Order(10)
  void logging_out_ends_the_session() {
    browser.get(base + "/console");
    open(browser.findElement(By.id("logout")));

    assertThat(browser.getCurrentUrl()).endsWith("/console/login");
    browser.get(base + "/console/runs");
    assertThat(browser.getCurrentUrl()).endsWith("/console/login");
  }

  /**
   * Clicks a link or a form's button and waits until the next page has replaced this one: a click
   * returns before the page it asks for has loaded, and an element read meanwhile is the old one's.
   */
  private void open(WebElement clickable) {
    HeadlessChromium.open(browser, clickable, Duration.ofSeconds(10));
  }

  private void screenshot(String name) throws IOException {
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.createDirectories(HeadlessChromium.SCREENSHOTS);
    Files.copy(
        shot,
        HeadlessChromium.SCREENSHOTS.resolve(name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }
}
