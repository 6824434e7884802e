package com.gymops.bench;

import com.gymops.adapter.web.OpsServer;
import com.gymops.app.GymOpsApp;
import com.gymops.application.care.Actor;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunRequest;
import com.gymops.domain.ConsoleRole;
import com.gymops.domain.WorkflowId;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The manager console's pages, timed over HTTP as a browser asks for them: a copy of the seeded
 * demo club, its six workflows run as the demo runs them (so Today, Runs, Outbox and a run's thread
 * have their real content), an owner logged in through the login form, then each page requested
 * {@link #WARMUPS} times untimed and {@link #REQUESTS} times timed, one after another.
 *
 * <p>The server is {@code serve}'s web server, started in this process on a free port, without
 * {@code serve}'s scheduler: a workflow firing during the measurement would time the run, not the
 * page.
 */
final class ConsoleScenario {
  static final int WARMUPS = 10;
  static final int REQUESTS = 50;

  /**
   * The goals: every page under 200 ms on the demo club; on a larger club every page's 95th
   * percentile under 50 ms (docs/BENCHMARKS.md).
   */
  private static final int DEMO_CLUB = 2_000;

  private static final int LARGE_CLUB_P95_MS = 50;

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern RUN_LINK = Pattern.compile("href=\"(/console/runs/run-[^\"?]+)\"");
  private static final Pattern REVIEW_LINK =
      Pattern.compile("href=\"(/console/approvals/apr-[^\"?]+)\"");
  private static final Pattern MEMBER_LINK =
      Pattern.compile("href=\"(/console/members/[^\"/?]+)\"");

  private static final List<WorkflowId> ORDER =
      List.of(
          WorkflowId.DOOR_ACCESS,
          WorkflowId.PAST_DUE_MONITORING,
          WorkflowId.COLLECTIONS_ESCALATION,
          WorkflowId.COLLECTIONS_REFERRAL,
          WorkflowId.BATCH_INVOICES,
          WorkflowId.DAILY_CAMPAIGNS);

  private final BenchClub club;
  private final SeededClubs clubs;
  private final Consumer<String> progress;

  ConsoleScenario(BenchClub club, SeededClubs clubs, Consumer<String> progress) {
    this.club = club;
    this.clubs = clubs;
    this.progress = progress;
  }

  ConsoleFigures measure(BenchSettings settings) {
    Path directory = clubs.copy(clubs.template(settings.members()));
    try (GymOpsApp app = club.open(directory)) {
      for (WorkflowId workflow : ORDER) {
        app.runner()
            .run(new RunRequest(workflow, club.club().id(), RunMode.RULES, false, club.at()));
      }
      app.dispatcher().dispatch(club.at());
      String email = "bench-owner@example.com";
      String password = app.accounts().generatedPassword();
      app.accounts()
          .add(Actor.person("bench"), email, ConsoleRole.OWNER, Set.of(), password.toCharArray());
      try (OpsServer server =
          OpsServer.start(0, List::of, () -> "", app.webhooks(), app.api(), app.console())) {
        Browser browser = new Browser("http://127.0.0.1:" + server.port());
        browser.logIn(email, password);
        List<String> pages =
            new ArrayList<>(
                List.of(
                    "/console",
                    "/console/approvals",
                    "/console/runs",
                    "/console/members?q=lopez",
                    "/console/outbox",
                    "/console/outbox?view=deferred",
                    "/console/outbox?view=sent",
                    "/console/settings",
                    "/console/audit"));
        browser.firstLink("/console/runs", RUN_LINK).ifPresent(pages::add);
        // The review list of the first pending approval (the day's campaign or referral list).
        browser.firstLink("/console/approvals", REVIEW_LINK).ifPresent(pages::add);
        browser.firstLink("/console/members?q=a", MEMBER_LINK).ifPresent(pages::add);
        List<ConsoleFigures.Page> timed = new ArrayList<>();
        for (String page : pages) {
          ConsoleFigures.Page figures = browser.time(page, goalMs(settings.members()));
          progress.accept(
              String.format(
                  "console %s: median %.1f ms, p95 %.1f ms (%d)",
                  page, figures.medianMs(), figures.p95Ms(), figures.status()));
          timed.add(figures);
        }
        return new ConsoleFigures(settings.members(), WARMUPS, REQUESTS, timed);
      }
    } finally {
      SeededClubs.deleteDirectory(directory);
    }
  }

  private static int goalMs(int members) {
    if (members <= DEMO_CLUB) {
      return 200;
    }
    return LARGE_CLUB_P95_MS;
  }

  /** A cookie-keeping HTTP client that logs in through the form, as a person's browser does. */
  private static final class Browser {
    private final String base;
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Browser(String base) {
      this.base = base;
    }

    void logIn(String email, String password) {
      Matcher csrf = CSRF.matcher(get("/console/login").body());
      if (!csrf.find()) {
        throw new IllegalStateException("the login page has no CSRF token");
      }
      String form =
          "_csrf="
              + encode(csrf.group(1))
              + "&email="
              + encode(email)
              + "&password="
              + encode(password);
      HttpResponse<String> answer =
          send(
              HttpRequest.newBuilder(URI.create(base + "/console/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build());
      if (answer.statusCode() != 302 && answer.statusCode() != 303) {
        throw new IllegalStateException("logging in answered " + answer.statusCode());
      }
    }

    java.util.Optional<String> firstLink(String page, Pattern link) {
      Matcher found = link.matcher(get(page).body());
      return found.find() ? java.util.Optional.of(found.group(1)) : java.util.Optional.empty();
    }

    ConsoleFigures.Page time(String page, int goalMs) {
      for (int i = 0; i < WARMUPS; i++) {
        get(page);
      }
      List<Double> millis = new ArrayList<>();
      int status = 0;
      for (int i = 0; i < REQUESTS; i++) {
        long started = System.nanoTime();
        status = get(page).statusCode();
        millis.add((System.nanoTime() - started) / 1e6);
      }
      List<Double> sorted = millis.stream().sorted().toList();
      return new ConsoleFigures.Page(
          page,
          status,
          round(sorted.get(sorted.size() / 2)),
          round(sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1)),
          round(sorted.get(sorted.size() - 1)),
          goalMs);
    }

    private HttpResponse<String> get(String page) {
      return send(HttpRequest.newBuilder(URI.create(base + page)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new IllegalStateException("the console did not answer " + request.uri(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }

    private static String encode(String text) {
      return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static double round(double millis) {
      return Math.round(millis * 10) / 10.0;
    }
  }
}
