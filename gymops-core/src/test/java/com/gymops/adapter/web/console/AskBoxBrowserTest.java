package com.gymops.adapter.web.console;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.web.OpsServer;
import com.gymops.app.GymOpsApp;
import com.gymops.application.care.Actor;
import com.gymops.domain.Approval;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleRole;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.MemberId;
import com.gymops.fakes.FakeMessagesApi;
import com.gymops.fakes.ScriptedModel;
import com.gymops.testing.MutableClock;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console's Ask box in a real Chromium (set up as {@link ConsoleBrowserTest}), against the
 * loopback fake of the Messages API with a scripted model that looks up the past-due members over
 * $100 and asks for a lock; and on a server without an API key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AskBoxBrowserTest {
  private static final String OWNER = "owner@example.com";
  private static final String PASSWORD = "a long pass phrase";
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final Instant AT = Instant.parse("2026-12-01T15:00:00Z");

  private Path directory;
  private FakeMessagesApi messagesApi;
  private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
  private GymOpsApp withKey;
  private GymOpsApp withoutKey;
  private OpsServer server;
  private OpsServer keyless;
  private WebDriver browser;

  @BeforeAll
  void start() throws IOException {
    HeadlessChromium.assumeInstalled();
    directory = Files.createTempDirectory("gymops-ask");
    ScriptedModel model =
        request -> {
          requests.add(request);
          if (request.get("messages").size() == 1) {
            return new ScriptedModel.Answer()
                .text("I'll look that up.")
                .call("list_past_due_members", "{\"min_balance\": 100}")
                .call(
                    "request_lock",
                    "{\"member_id\": \"M1\", \"reason\": \"owes $250.00 since October\"}")
                .toolUse();
          }
          return new ScriptedModel.Answer()
              .text(
                  "Three members owe more than $100: Keisha Brown (M1) $250.00, Ana Lopez (M2)"
                      + " $120.00 and Ben Ode (M3) $100.50.\n\nI asked for Keisha Brown's door to"
                      + " be locked; it waits for your approval.")
              .endTurn();
        };
    messagesApi = new FakeMessagesApi(model);
    String clubs = "clubs: [{id: main, name: Main Street Fitness, timezone: America/New_York}]\n";
    withKey =
        GymOpsApp.open(
            ConfigLoader.parse(
                clubs,
                Map.of(
                    "ANTHROPIC_API_KEY", "test-key", "ANTHROPIC_BASE_URL", messagesApi.baseUrl()),
                ZONE),
            directory.resolve("with-key"),
            new MutableClock(AT, ZONE));
    withoutKey =
        GymOpsApp.open(
            ConfigLoader.parse(clubs, Map.of(), ZONE),
            directory.resolve("without-key"),
            new MutableClock(AT, ZONE));
    LocalDate since = LocalDate.of(2026, 10, 20);
    for (GymOpsApp app : List.of(withKey, withoutKey)) {
      app.stores()
          .members()
          .upsertAll(
              List.of(
                  aMember()
                      .withId("M1")
                      .named("Keisha", "Brown")
                      .withBalance("250.00", since)
                      .build(),
                  aMember().withId("M2").named("Ana", "Lopez").withBalance("120.00", since).build(),
                  aMember().withId("M3").named("Ben", "Ode").withBalance("100.50", since).build(),
                  aMember().withId("M4").named("Cy", "Park").withBalance("99.99", since).build()),
              AT);
      app.accounts()
          .add(Actor.person("test"), OWNER, ConsoleRole.OWNER, Set.of(), PASSWORD.toCharArray());
    }
    server = OpsServer.start(0, List::of, () -> "", null, null, withKey.console());
    keyless = OpsServer.start(0, List::of, () -> "", null, null, withoutKey.console());

    ChromeOptions options = HeadlessChromium.options(directory.resolve("chromium-profile"));
    browser = HeadlessChromium.start(options);
    browser.manage().window().setSize(new Dimension(1280, 1000));
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    for (AutoCloseable closeable : new AutoCloseable[] {server, keyless, withKey, withoutKey}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        throw new IOException(e);
      }
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

  private void logIn(String base) {
    browser.manage().deleteAllCookies();
    browser.get(base + "/console/ask");
    browser.findElement(By.id("email")).sendKeys(OWNER);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    open(browser.findElement(By.id("login")));
    browser.get(base + "/console/ask");
  }

  @Test
  void a_question_is_answered_with_the_tools_tables_and_a_proposed_lock_only_waits_for_approval()
      throws IOException {
    logIn("http://127.0.0.1:" + server.port());
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ask");

    browser
        .findElement(By.id("question"))
        .sendKeys("Who owes more than $100? Lock Keisha, she hasn't paid since October.");
    open(browser.findElement(By.id("ask")));

    assertThat(browser.findElement(By.id("answer-text")).getText())
        .contains("Three members owe more than $100", "waits for your approval");
    List<WebElement> rows =
        browser
            .findElements(By.cssSelector("table.ask-table"))
            .get(0)
            .findElements(By.cssSelector("tbody tr"));
    assertThat(rows)
        .extracting(row -> row.findElements(By.tagName("td")).get(0).getText())
        .containsExactly("M1", "M2", "M3");
    assertThat(rows.get(0).getText()).contains("Keisha Brown", "$250.00");
    List<Approval> pending =
        withKey.approvals().list(Actor.person("test"), new ClubId("main"), true);
    assertThat(pending)
        .singleElement()
        .satisfies(
            approval -> {
              assertThat(approval.kind()).isEqualTo(Approval.Kind.REQUEST);
              assertThat(approval.requestedBy()).isEqualTo(OWNER);
            });
    assertThat(browser.findElement(By.id("answer-filed")).getText())
        .contains(pending.get(0).id(), "nothing was done");
    assertThat(withKey.stores().members().find(new MemberId("M1")).orElseThrow().door())
        .isEqualTo(DoorAccess.OPEN);
    // The model got the tools, and the first tool's result carried the members' rows.
    assertThat(requests.get(0).get("tools").findValuesAsText("name"))
        .contains("list_past_due_members", "request_lock", "get_member");
    String results = requests.get(1).get("messages").get(2).toString();
    assertThat(results).contains("Keisha Brown", "Filed approval").doesNotContain("Cy Park");

    onAPhone("ask-answer-375");

    open(browser.findElement(By.linkText("Approvals")));
    assertThat(browser.findElement(By.id("approval-" + pending.get(0).id())).getText())
        .contains("Lock Keisha Brown (M1)'s door");
  }

  /**
   * The page as a phone (375 px) shows it: nothing scrolls sideways (a wide table scrolls in its
   * own box), and a screenshot for a person to look at.
   */
  private void onAPhone(String name) throws IOException {
    ChromeDriver chrome = (ChromeDriver) browser;
    chrome.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
    try {
      JavascriptExecutor js = (JavascriptExecutor) browser;
      long sideways =
          ((Number)
                  js.executeScript(
                      "return document.documentElement.scrollWidth"
                          + " - document.documentElement.clientWidth"))
              .longValue();
      assertThat(sideways).as("the page scrolls sideways on a phone").isLessThanOrEqualTo(0);
      long height = ((Number) js.executeScript("return document.body.scrollHeight")).longValue();
      Map<String, Object> shot =
          chrome.executeCdpCommand(
              "Page.captureScreenshot",
              Map.of(
                  "format",
                  "png",
                  "captureBeyondViewport",
                  true,
                  "clip",
                  Map.of("x", 0, "y", 0, "width", 375, "height", height, "scale", 1)));
      Files.createDirectories(HeadlessChromium.SCREENSHOTS);
      Files.write(
          HeadlessChromium.SCREENSHOTS.resolve(name + ".png"),
          Base64.getDecoder().decode((String) shot.get("data")));
    } finally {
      chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  @Test
  void without_a_key_the_box_says_so() {
    logIn("http://127.0.0.1:" + keyless.port());

    assertThat(browser.findElement(By.id("no-key")).getText()).contains("ANTHROPIC_API_KEY");
    assertThat(browser.findElements(By.id("question"))).isEmpty();
  }

  private void open(WebElement clickable) {
    HeadlessChromium.open(browser, clickable, Duration.ofSeconds(30));
  }
}
