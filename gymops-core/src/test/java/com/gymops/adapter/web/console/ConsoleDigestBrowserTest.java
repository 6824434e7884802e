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
import com.gymops.domain.WorkflowId;
import com.gymops.testing.MutableClock;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The manager's morning on the demo club of 2,000 people ({@code gymops demo}: its six workflows
 * run by the rules at 10:00, the day's campaign of 400-odd texts and the referral list waiting), in
 * a real Chromium on a laptop (1280×900) and on a phone (375×812): both decided in at most four
 * clicks after logging in, what each decision did on screen with true counts (queued is not sent),
 * the review list searched and paged, the referred member's page saying so, and the Approvals,
 * Today and member pages at most 4 screens high on the laptop and 8 on the phone. Screenshots go
 * where {@link ConsoleBrowserTest}'s do ({@code -Dgymops.screenshots=docs/console} refreshes the
 * README's). Without Chromium they are skipped with the reason.
 */
class ConsoleDigestBrowserTest {
  private static final String OWNER = "owner@example.com";
  private static final String PASSWORD = "a long pass phrase";
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  private static final Instant AT = TODAY.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
  private static final List<WorkflowId> ORDER =
      List.of(
          WorkflowId.DOOR_ACCESS,
          WorkflowId.PAST_DUE_MONITORING,
          WorkflowId.COLLECTIONS_ESCALATION,
          WorkflowId.COLLECTIONS_REFERRAL,
          WorkflowId.BATCH_INVOICES,
          WorkflowId.DAILY_CAMPAIGNS);

  private Path directory;
  private GymOpsApp app;
  private OpsServer server;
  private WebDriver browser;
  private String base;
  private int clicks;

  private void start(int width, int height) throws IOException {
    HeadlessChromium.assumeInstalled();
    directory = Files.createTempDirectory("gymops-digest-browser");
    GymOpsConfig config =
        ConfigLoader.parse(
            "clubs: [{id: main, name: Main Club, timezone: America/New_York,"
                + " manager: {phone: '+12015550100', email: manager@example.com}}]\n",
            Map.of(),
            ZONE);
    app = GymOpsApp.open(config, directory.resolve("data"), new MutableClock(AT, ZONE));
    ClubId main = new ClubId("main");
    app.seed(new DemoClubGenerator(TODAY, ZONE).generate(main, 2000, 2026));
    for (WorkflowId workflow : ORDER) {
      app.runner().run(new RunRequest(workflow, main, RunMode.RULES, false, AT));
    }
    app.dispatcher().dispatch(AT);
    app.accounts()
        .add(Actor.person("test"), OWNER, ConsoleRole.OWNER, Set.of(), PASSWORD.toCharArray());
    server = OpsServer.start(0, List::of, () -> "", null, null, app.console());
    base = "http://127.0.0.1:" + server.port();
    ChromeOptions options =
        HeadlessChromium.options(
            directory.resolve("chromium-profile"),
            "--hide-scrollbars",
            "--window-size=" + Math.max(width, 500) + "," + height);
    if (width < 500) {
      // Headless Chromium's window is at least 500 pixels wide: a phone is emulated instead.
      options.setExperimentalOption(
          "mobileEmulation",
          Map.of(
              "deviceMetrics",
              Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true)));
    }
    browser = HeadlessChromium.start(options);
    Files.createDirectories(HeadlessChromium.SCREENSHOTS);
  }

  @AfterEach
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
    if (directory != null) {
      try (var files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @ParameterizedTest(name = "{0}×{1}")
  @CsvSource({"1280, 900, 4, ''", "375, 812, 8, -375"})
  void the_campaign_and_the_referral_list_are_decided_in_four_clicks_and_say_what_they_did(
      int width, int height, int screens, String suffix) throws IOException {
    start(width, height);
    Approval campaign = pending(Approval.Kind.LARGE_CAMPAIGN);
    Approval referral = pending(Approval.Kind.REFERRAL_LIST);
    assertThat(campaign.actions()).as("the demo's campaign texts").hasSizeGreaterThan(400);
    assertThat(referral.actions()).as("the referral list's actions").isNotEmpty();

    browser.get(base + "/console");
    browser.findElement(By.id("email")).sendKeys(OWNER);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    open(browser.findElement(By.id("login")));
    clicks = 0;

    // Today leads with what needs the manager, above the workflow cards.
    WebElement needs = browser.findElement(By.id("pending-main"));
    assertThat(needs.getText())
        .contains("2 approvals wait for you", "Campaign texts", "Referral list", "$");
    assertThat(needs.getLocation().getY())
        .isLessThan(browser.findElement(By.cssSelector("article.card")).getLocation().getY());
    String cards = browser.findElement(By.cssSelector(".cards")).getText();
    assertThat(cards)
        .contains("Payment reminders", "Daily campaign", "Monthly invoices")
        .doesNotContain("past-due-monitoring", "7 days:", "by amount range", "0.01-49.99");
    assertThat(cards).containsPattern("\\$[0-9,]+\\.[0-9]{2}");
    assertHeight("Today", screens, height);
    screenshot("today" + suffix);

    click(browser.findElement(By.linkText("Approvals")));
    WebElement digest = article(campaign);
    assertThat(digest.getText())
        .contains("Send " + campaign.actions().size() + " texts", "For example:", "Review list")
        .contains("welcome texts to prospects");
    assertThat(digest.findElements(By.cssSelector(".groups blockquote")))
        .as("one example text per template")
        .hasSizeLessThanOrEqualTo(4);
    String firstMember = campaign.actions().get(0).memberId().value();
    assertThat(digest.findElement(By.cssSelector(".first")).getText()).contains(firstMember);
    assertThat(article(referral).getText()).contains("Refer ", "$", "in total");
    assertHeight("Approvals", screens, height);
    screenshot("approvals" + suffix);

    click(digest.findElement(By.cssSelector("button.approve")));
    WebElement decided = browser.findElement(By.id("decided"));
    String said = decided.getText();
    assertThat(said).contains("You approved: Campaign texts");
    Matcher queued = Pattern.compile("([0-9,]+) texts queued: (.*)\\.").matcher(said);
    assertThat(queued.find()).as("what the campaign's approval did: " + said).isTrue();
    int count = Integer.parseInt(queued.group(1).replace(",", ""));
    assertThat(count).isGreaterThan(400).isLessThanOrEqualTo(campaign.actions().size());
    assertThat(queued.group(2))
        .as("nothing is sent before the dispatcher sends it")
        .doesNotContainPattern("[1-9][0-9,]* sent")
        .containsPattern("due now|wait");

    click(article(referral).findElement(By.cssSelector("button.approve")));
    said = browser.findElement(By.id("decided")).getText();
    assertThat(said)
        .contains("You approved: Referral list")
        .containsPattern("[0-9]+ members referred to the collections agency\\.")
        .contains("staff notes written");
    assertThat(clicks).as("clicks after logging in").isLessThanOrEqualTo(4);

    // The dispatcher hands what is due to the provider, here the message log: the result counts
    // again from the outbox, and what the log took is logged, never sent.
    app.dispatcher().dispatch(AT.plus(Duration.ofMinutes(1)));
    browser.get(base + "/console/approvals?decided=" + campaign.id());
    assertThat(browser.findElement(By.id("decided")).getText())
        .containsPattern("[1-9][0-9,]* logged, not sent \\(no provider configured\\)")
        .doesNotContainPattern("[0-9,]+ sent");
    assertHeight("Approvals after the decisions", screens, height);

    // The referred member's page says so.
    String referred =
        referral.actions().stream()
            .filter(a -> a.action().equals("refer_to_collections"))
            .findFirst()
            .map(ApprovalAction::memberId)
            .orElseThrow()
            .value();
    browser.get(base + "/console/members/" + referred);
    assertThat(browser.findElement(By.id("collections-state")).getText())
        .contains("Referred to the collections agency on " + TODAY, "collection attempts");
    assertHeight("the member page", screens, height);
    screenshot("member" + suffix);
  }

  @ParameterizedTest(name = "{0}×{1}")
  @CsvSource({"1280, 900", "375, 812"})
  void the_review_list_pages_fifty_at_a_time_and_finds_a_member_by_name_or_id(int width, int height)
      throws IOException {
    start(width, height);
    Approval campaign = pending(Approval.Kind.LARGE_CAMPAIGN);
    browser.get(base + "/console");
    browser.findElement(By.id("email")).sendKeys(OWNER);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    open(browser.findElement(By.id("login")));
    browser.get(base + "/console/approvals");
    open(article(campaign).findElement(By.cssSelector("a.review")));
    int members = campaign.actions().size();
    assertThat(browser.findElement(By.id("review-count")).getText())
        .isEqualTo(String.format("Members 1–50 of %d.", members));
    assertThat(browser.findElements(By.cssSelector("ol.review > li"))).hasSize(50);
    assertHeight("the review list", 12, height);
    screenshot("review" + (width < 500 ? "-" + width : ""));
    open(browser.findElement(By.id("next")));
    assertThat(browser.findElement(By.id("review-count")).getText())
        .isEqualTo(String.format("Members 51–100 of %d.", members));

    var member = app.stores().members().find(campaign.actions().get(60).memberId()).orElseThrow();
    WebElement search = browser.findElement(By.id("review-q"));
    search.clear();
    search.sendKeys(member.lastName() + "\n");
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("q="));
    List<String> found =
        browser.findElements(By.cssSelector("ol.review > li")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(found).isNotEmpty().anyMatch(line -> line.contains(member.id().value()));
    assertThat(found)
        .allMatch(line -> line.toLowerCase().contains(member.lastName().toLowerCase()));
    search = browser.findElement(By.id("review-q"));
    search.clear();
    search.sendKeys(member.id().value() + "\n");
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains(member.id().value()));
    assertThat(browser.findElements(By.cssSelector("ol.review > li"))).hasSize(1);
    assertThat(browser.findElement(By.cssSelector("ol.review > li")).getText())
        .startsWith(member.firstName() + " " + member.lastName() + " " + member.id().value());
  }

  @ParameterizedTest(name = "{0}×{1}")
  @CsvSource({"1280, 900, 4, ''", "375, 812, 8, -375"})
  void a_one_off_message_shows_its_words_and_whom_it_skips_and_is_approved_in_one_click(
      int width, int height, int screens, String suffix) throws IOException {
    start(width, height);
    Approval message =
        app.requests()
            .message(
                new Actor("token:front-desk", new ClubId("main")),
                new ClubId("main"),
                com.gymops.policy.MessageSegment.NEW_MEMBERS,
                "Hi {first_name}, free orientation this Saturday at 10am. Reply to book!")
            .approval();
    int texts = app.approvals().find(Actor.person("test"), message.id()).actions().size();
    assertThat(texts).as("new members who may get marketing texts").isGreaterThan(20);
    browser.get(base + "/console");
    browser.findElement(By.id("email")).sendKeys(OWNER);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    open(browser.findElement(By.id("login")));
    clicks = 0;

    click(browser.findElement(By.linkText("Approvals")));
    String card = article(message).getText();
    assertThat(card)
        .contains(
            "Send a one-off text to " + texts + " members",
            "Asked for by token:front-desk",
            "For example:",
            "Main Club: Hi ",
            "free orientation this Saturday at 10am. Reply to book! Reply STOP to opt out.");
    assertHeight("Approvals with a one-off message", screens, height);
    screenshot("approvals-message" + suffix);

    click(article(message).findElement(By.cssSelector("button.approve")));
    String said = browser.findElement(By.id("decided")).getText();
    assertThat(said).contains("You approved: One-off text").contains(texts + " texts queued");
    assertThat(clicks).isEqualTo(2);
    screenshot("approvals-message-decided" + suffix);
  }

  private Approval pending(Approval.Kind kind) {
    return app.approvals().list(Actor.person("test"), new ClubId("main"), true).stream()
        .filter(a -> a.kind() == kind)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no pending " + kind));
  }

  private WebElement article(Approval approval) {
    return browser.findElement(By.id("approval-" + approval.id()));
  }

  private void assertHeight(String page, int screens, int height) {
    long scroll =
        ((Number) ((JavascriptExecutor) browser).executeScript("return document.body.scrollHeight"))
            .longValue();
    assertThat(scroll)
        .as(page + "'s height in px, at most " + screens + " screens of " + height)
        .isLessThanOrEqualTo((long) screens * height);
    Object overflow =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return document.documentElement.scrollWidth"
                    + " - document.documentElement.clientWidth");
    assertThat(((Number) overflow).longValue())
        .as(page + " scrolls sideways")
        .isLessThanOrEqualTo(0);
  }

  private void click(WebElement clickable) {
    clicks++;
    open(clickable);
  }

  private void open(WebElement clickable) {
    HeadlessChromium.open(browser, clickable, Duration.ofSeconds(20));
  }

  /** The whole page, as tall as it is (Chromium's own capture beyond the viewport). */
  private void screenshot(String name) throws IOException {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    long width =
        ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
    long height = ((Number) js.executeScript("return document.body.scrollHeight")).longValue();
    Map<String, Object> shot =
        ((ChromeDriver) browser)
            .executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                    "format",
                    "png",
                    "captureBeyondViewport",
                    true,
                    "clip",
                    Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    Files.write(
        HeadlessChromium.SCREENSHOTS.resolve(name + ".png"),
        Base64.getDecoder().decode((String) shot.get("data")));
  }
}
