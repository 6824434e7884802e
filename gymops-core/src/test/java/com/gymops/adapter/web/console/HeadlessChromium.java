package com.gymops.adapter.web.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and its chromedriver (packages chromium and chromium-driver), headless, as the
 * console's browser tests drive them through Selenium. Without them a test is skipped with the
 * reason ({@link #assumeInstalled()}); .ci/run installs both and fails when a browser suite was
 * skipped, so a missing Chromium never passes as green in CI.
 */
final class HeadlessChromium {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /**
   * Where the tests' screenshots go: {@code -Dgymops.screenshots=docs/console} refreshes the
   * README's.
   */
  static final Path SCREENSHOTS =
      Path.of(System.getProperty("gymops.screenshots", "target/console-screenshots"));

  // Selenium warns once that it has no DevTools bindings for this Chromium; the tests use none.
  // Held
  // here so the logger, and its level, outlive garbage collection.
  private static final Logger DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");

  private HeadlessChromium() {}

  /**
   * Skips the calling test or class, with the reason, unless Chromium and chromedriver are here.
   */
  static void assumeInstalled() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium browser tests need /usr/bin/chromium and /usr/bin/chromedriver (Debian:"
            + " apt-get install chromium chromium-driver); .ci/run installs them");
    DEVTOOLS.setLevel(Level.SEVERE);
  }

  /**
   * The options every browser test shares: headless, no sandbox, GPU, network chatter or first-run
   * screens, and a profile of its own in {@code profile}; {@code more} adds a test's own arguments.
   */
  static ChromeOptions options(Path profile, String... more) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run"));
    arguments.addAll(List.of(more));
    arguments.add("--user-data-dir=" + profile);
    options.addArguments(arguments);
    return options;
  }

  /** A browser through Debian's chromedriver that waits up to five seconds for an element. */
  static WebDriver start(ChromeOptions options) {
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    WebDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    return browser;
  }

  /**
   * Clicks {@code clickable} and waits until the page it was on is replaced by the next one. The
   * old page's root is gone once reading it fails: as a stale reference, or, from Chromium 156 on
   * at times, as the inspector's "does not belong to the document", which Selenium's own staleness
   * check does not take for gone and throws.
   */
  static void open(WebDriver browser, WebElement clickable, Duration timeout) {
    WebElement page = browser.findElement(By.tagName("html"));
    clickable.click();
    new WebDriverWait(browser, timeout).until(driver -> isGone(page));
  }

  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }
}
