package com.gymops.adapter.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.web.OpsServer;
import com.gymops.app.GymOpsApp;
import com.gymops.app.demo.DemoClubGenerator;
import com.gymops.application.care.Actor;
import com.gymops.application.console.OutboxQuery;
import com.gymops.application.console.RunsQuery;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunRequest;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleRole;
import com.gymops.domain.WorkflowId;
import com.gymops.fakes.CompetentModel;
import com.gymops.fakes.FakeMessagesApi;
import com.gymops.testing.MutableClock;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * A run's page, the Outbox and Settings in a real Chromium on a laptop (1280×900) and a phone
 * (375×812), on a 1,000-person demo club whose six workflows ran (past-due monitoring by the agent
 * against the loopback fake of the Messages API): each page fits a few screens (a run's actions and
 * the outbox's messages come a page at a time), nothing scrolls sideways on the phone, a run's
 * actions read as sentences with true states, the Outbox opens where the work is and counts each
 * tab, Settings reads in labelled groups with units; the site's root leads to the console and the
 * icon answers. Screenshots go to target/console-screenshots, or to {@code -Dgymops.screenshots}
 * ({@code docs/console} refreshes the README's). Without Chromium the tests are skipped with the
 * reason; .ci/run installs it and fails when they were skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolePagesBrowserTest {
  private static final String OWNER = "owner@example.com";
  private static final String PASSWORD = "a long pass phrase";
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  private static final Instant AT = TODAY.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
  private static final Dimension LAPTOP = new Dimension(1280, 900);
  private static final Dimension PHONE = new Dimension(375, 812);

  /** Screen heights a page may take: a few on a laptop, twice as many on a phone. */
  private static final int LAPTOP_SCREENS = 4;

  private static final int PHONE_SCREENS = 8;

  /** Every state word a run's action or an outbox message may show. */
  private static final Set<String> STATES =
      Set.of(
          "queued",
          "sent",
          "logged",
          "deferred",
          "suppressed",
          "failed",
          "held",
          "planned",
          "done");

  private Path directory;
  private FakeMessagesApi messagesApi;
  private GymOpsApp app;
  private OpsServer server;
  private WebDriver browser;
  private String base;

  /** The run with the most actions. */
  private String largeRun;

  private int largeRunActions;

  @BeforeAll
  void start() throws IOException {
    HeadlessChromium.assumeInstalled();
    directory = Files.createTempDirectory("gymops-pages-browser");
    messagesApi = new FakeMessagesApi(new CompetentModel());
    GymOpsConfig config =
        ConfigLoader.parse(
            "clubs: [{id: main, name: Downtown 24/7 Fitness, timezone: America/New_York,"
                + " manager: {phone: '+12015550100', email: manager@example.com}}]\n",
            Map.of("ANTHROPIC_API_KEY", "test-key", "ANTHROPIC_BASE_URL", messagesApi.baseUrl()),
            ZONE);
    app = GymOpsApp.open(config, directory.resolve("data"), new MutableClock(AT, ZONE));
    ClubId main = new ClubId("main");
    app.seed(new DemoClubGenerator(TODAY, ZONE).generate(main, 1_000, 2026));
    int most = -1;
    for (WorkflowId workflow : WorkflowId.values()) {
      RunMode mode = workflow == WorkflowId.PAST_DUE_MONITORING ? RunMode.AGENT : RunMode.RULES;
      String runId = app.runner().run(new RunRequest(workflow, main, mode, false, AT)).runId();
      int actions = app.runHistory().events(runId).size();
      if (actions > most) {
        most = actions;
        largeRun = runId;
      }
    }
    largeRunActions = most;
    app.dispatcher().dispatch(AT);
    app.accounts()
        .add(Actor.person("test"), OWNER, ConsoleRole.OWNER, Set.of(), PASSWORD.toCharArray());
    server = OpsServer.start(0, List::of, () -> "", null, null, app.console());
    base = "http://127.0.0.1:" + server.port();

    ChromeOptions options =
        HeadlessChromium.options(directory.resolve("chromium-profile"), "--hide-scrollbars");
    browser = HeadlessChromium.start(options);
    browser.manage().window().setSize(LAPTOP);
    Files.createDirectories(HeadlessChromium.SCREENSHOTS);
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
  void the_sites_root_leads_to_the_login_and_the_icon_answers() throws Exception {
    browser.get(base + "/");
    assertThat(browser.getCurrentUrl()).endsWith("/console/login");
    assertThat(browser.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href"))
        .endsWith("/console/assets/favicon.svg");

    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("/console/assets/favicon.svg", "/favicon.ico")) {
      HttpResponse<String> icon =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(icon.statusCode()).as(path).isEqualTo(200);
      assertThat(icon.headers().firstValue("Content-Type")).as(path).hasValue("image/svg+xml");
      assertThat(icon.headers().firstValue("Cache-Control").orElse(""))
          .as(path)
          .contains("max-age=31536000");
      assertThat(icon.body()).startsWith("<svg");
    }

    browser.findElement(By.id("email")).sendKeys(OWNER);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    open(browser.findElement(By.id("login")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Today");
  }

  @Test
  @Order(2)
  void a_large_runs_page_reads_as_sentences_a_page_at_a_time() throws IOException {
    assertThat(largeRunActions).as("actions of the largest run").isGreaterThan(RunsQuery.PAGE_SIZE);
    browser.get(base + ConsoleUrls.run(largeRun));

    List<WebElement> actions = browser.findElements(By.cssSelector("li.action"));
    assertThat(actions).hasSize(RunsQuery.PAGE_SIZE);
    assertThat(browser.findElement(By.id("actions")).getText())
        .isEqualTo(String.format("Actions 1–%d of %,d", RunsQuery.PAGE_SIZE, largeRunActions));
    WebElement first = actions.get(0);
    String sentence = first.findElement(By.cssSelector("p.what")).getText();
    // A member's name beside their id, linked to their page; the state one true word.
    WebElement member = first.findElement(By.cssSelector("p.what a"));
    assertThat(member.getText()).matches("[A-Z][\\w'.-]* .+ \\(M\\d+\\)");
    assertThat(member.getAttribute("href")).contains("/console/members/M");
    String state = first.findElement(By.cssSelector("p.what .state")).getText();
    assertThat(STATES).contains(state.toLowerCase(java.util.Locale.ROOT));
    assertThat(sentence).doesNotContain("send_", "_door", "{\"");
    // The raw inputs are behind a toggle, closed.
    WebElement why = first.findElement(By.cssSelector("details.why"));
    assertThat(why.getAttribute("open")).isNull();
    assertThat(why.findElement(By.tagName("code")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.tagName("main")).getText())
        .as("amounts in dollars")
        .containsPattern("\\$\\d[\\d,]*\\.\\d\\d");
    assertFits(LAPTOP, LAPTOP_SCREENS, "the run's first page");
    screenshot("run");

    open(browser.findElement(By.id("next")));
    assertThat(browser.findElement(By.id("actions")).getText())
        .startsWith("Actions " + (RunsQuery.PAGE_SIZE + 1) + "–");
    assertThat(browser.findElements(By.cssSelector("li.action")).get(0).getAttribute("id"))
        .isEqualTo("action-" + (RunsQuery.PAGE_SIZE + 1));
    assertThat(browser.findElement(By.cssSelector(".pager")).getText()).contains("Page 2 of ");

    browser.manage().window().setSize(PHONE);
    browser.get(base + ConsoleUrls.run(largeRun));
    assertFits(PHONE, PHONE_SCREENS, "the run's first page");
    screenshot("run-375");
    browser.manage().window().setSize(LAPTOP);
  }

  @Test
  @Order(3)
  void the_agents_transcript_reads_as_words() throws IOException {
    String agentRun =
        app.runHistory().latest(20).stream()
            .filter(r -> r.workflow() == WorkflowId.PAST_DUE_MONITORING)
            .findFirst()
            .orElseThrow()
            .runId();
    browser.get(base + ConsoleUrls.run(agentRun));

    List<WebElement> calls = browser.findElements(By.cssSelector(".transcript .line.call"));
    assertThat(calls).isNotEmpty();
    // Each tool call once, as the model made it (a stored request repeats the model's last turn).
    long toolUses = 0;
    for (var entry : app.runHistory().transcript(agentRun)) {
      if (entry.kind().equals("response")) {
        for (var block :
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(entry.body())
                .path("content")) {
          toolUses += block.path("type").asText().equals("tool_use") ? 1 : 0;
        }
      }
    }
    assertThat(calls).hasSize((int) toolUses);
    assertThat(browser.findElements(By.cssSelector(".transcript .line .text")))
        .noneMatch(text -> text.getAttribute("textContent").startsWith("{\""));
    assertThat(calls.get(0).getText()).startsWith("asks to ").doesNotContain("{\"");
    assertThat(browser.findElements(By.cssSelector(".transcript .line.model"))).isNotEmpty();
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('transcript').scrollIntoView()");
    screenshot("run-transcript-words");
    for (Dimension size : List.of(LAPTOP, PHONE)) {
      browser.manage().window().setSize(size);
      browser.navigate().refresh();
      assertNoSidewaysScroll("the agent's run");
    }
    browser.manage().window().setSize(LAPTOP);
  }

  @Test
  @Order(4)
  void the_outbox_opens_where_the_work_is_and_counts_each_tab() throws IOException {
    browser.get(base + "/console/outbox");

    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    String active = null;
    Pattern tab = Pattern.compile("(.+) ([\\d,]+)");
    for (WebElement link : browser.findElements(By.cssSelector("nav.tabs a"))) {
      Matcher words = tab.matcher(link.getText());
      assertThat(words.matches()).as("tab '" + link.getText() + "' shows its count").isTrue();
      String view = link.getAttribute("id").substring("tab-".length());
      counts.put(view, Long.parseLong(words.group(2).replace(",", "")));
      if (link.getAttribute("class").contains("on")) {
        active = view;
      }
    }
    assertThat(counts.keySet())
        .containsExactly("due", "deferred", "failed", "unknown", "sent", "logged");
    assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isPositive();
    assertThat(active).isNotNull();
    assertThat(counts.get(active)).as("messages on the tab it opens on").isPositive();
    // Failed texts, then unknown ones, then those due, then those waiting, the sent, the logged.
    for (String before : List.of("failed", "unknown", "due", "deferred", "sent", "logged")) {
      if (before.equals(active)) {
        break;
      }
      assertThat(counts.get(before)).as(before + " before " + active).isZero();
    }
    List<WebElement> rows = browser.findElements(By.cssSelector("ul.rows > li"));
    assertThat(rows).hasSizeLessThanOrEqualTo(OutboxQuery.PAGE_SIZE).isNotEmpty();
    assertThat(rows.get(0).findElement(By.cssSelector("p.what")).getText())
        .containsPattern(" to .+ \\(M\\d+\\)");
    assertFits(LAPTOP, LAPTOP_SCREENS, "the outbox");
    screenshot("outbox");

    // The tab with the most messages, on a phone.
    String biggest =
        counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    browser.manage().window().setSize(PHONE);
    browser.get(base + "/console/outbox?view=" + biggest);
    assertFits(PHONE, PHONE_SCREENS, "the outbox's " + biggest + " tab");
    screenshot("outbox-375");
    browser.manage().window().setSize(LAPTOP);
  }

  @Test
  @Order(5)
  void settings_read_in_labelled_groups_with_units() throws IOException {
    browser.get(base + "/console/settings");

    List<String> groups =
        browser.findElements(By.cssSelector("section.group h3")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(groups).contains("Texting", "Payment reminders", "Door access");
    String page = browser.findElement(By.tagName("main")).getText();
    assertThat(page)
        .contains("Firm reminder from\n$50.00 owed, or after 2 reminders")
        .contains("Texting hours\n8 am to 8 pm")
        .contains("Between two reminders\nat least 72 hours")
        .contains("Past-due monitoring\non, every hour");
    assertThat(page).doesNotContainPattern("\\bPT\\d").doesNotContain("cents");
    // The raw keys only as small print beside the words.
    List<String> labels =
        browser.findElements(By.cssSelector("dl.settings dt")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(labels).noneMatch(label -> label.matches(".*[a-z]_[a-z].*|.*\\.[a-z].*"));
    assertFits(LAPTOP, LAPTOP_SCREENS, "settings");
    screenshot("settings");

    browser.manage().window().setSize(PHONE);
    browser.navigate().refresh();
    assertFits(PHONE, PHONE_SCREENS, "settings");
    screenshot("settings-375");
    browser.manage().window().setSize(LAPTOP);
  }

  @Test
  @Order(6)
  void the_runs_list_names_workflows_in_words_and_fits_a_phone() {
    browser.manage().window().setSize(PHONE);
    browser.get(base + "/console/runs");
    assertThat(
            browser.findElements(By.cssSelector(".feed li strong")).stream()
                .map(WebElement::getText))
        .contains("Past-due monitoring", "Daily campaigns");
    assertNoSidewaysScroll("the runs");
    browser.manage().window().setSize(LAPTOP);
  }

  /** The page is at most {@code screens} screens high, and never wider than the screen. */
  private void assertFits(Dimension size, int screens, String page) {
    long height = ((Number) script("return document.body.scrollHeight")).longValue();
    assertThat(height)
        .as(page + " at " + size.width + "×" + size.height + ": height in pixels")
        .isLessThanOrEqualTo((long) screens * size.height);
    assertNoSidewaysScroll(page);
  }

  private void assertNoSidewaysScroll(String page) {
    long width = ((Number) script("return document.documentElement.scrollWidth")).longValue();
    long viewport = ((Number) script("return window.innerWidth")).longValue();
    assertThat(width).as(page + " scrolls sideways").isLessThanOrEqualTo(viewport);
  }

  private Object script(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

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
