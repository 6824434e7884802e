package com.gymops.bench;

import com.gymops.config.GymOpsConfig;
import com.gymops.fakes.LoopbackServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code gymops bench}: runs the chosen scenarios in a temporary directory it deletes at the end,
 * and reports each figure beside its baseline measured in the same run (docs/BENCHMARKS.md,
 * docs/BENCHMARKS.md).
 */
public final class Bench {
  private final GymOpsConfig config;
  private final Clock clock;
  private final Consumer<String> progress;

  /**
   * @param config its first club, messaging and agent settings are used; the database never is
   * @param progress receives one line per measurement, for a person watching a long bench
   */
  public Bench(GymOpsConfig config, Clock clock, Consumer<String> progress) {
    this(config, clock, progress, null);
  }

  /**
   * @param postgresUrl a PostgreSQL server on which the rules scenario runs (in databases of its
   *     own), or null for the embedded store
   */
  public Bench(GymOpsConfig config, Clock clock, Consumer<String> progress, String postgresUrl) {
    this.config = config;
    this.clock = clock;
    this.progress = progress;
    this.postgresUrl = postgresUrl;
  }

  private final String postgresUrl;

  public BenchReport run(BenchSettings settings) {
    // Before the agent scenario starts the first fake server of this process.
    LoopbackServers.answerWithoutDelay();
    Instant startedAt = clock.instant();
    long started = System.nanoTime();
    Path root = workDirectory();
    try {
      BenchClub club = BenchClub.from(config, clock);
      SeededClubs clubs = new SeededClubs(club, root, settings.seed());
      RulesFigures rules = null;
      AgentFigures agent = null;
      DispatchFigures dispatch = null;
      StartupFigures startup = null;
      ConsoleFigures console = null;
      PaymentFigures payment = null;
      MessageFigures message = null;
      if (settings.includes(Scenario.RULES)) {
        // bench --clubs: the members spread over that many clubs, seeded apart from the others.
        BenchClub operator = club.withClubs(settings.clubs());
        Path rulesRoot = settings.clubs() == 1 ? root : root.resolve("clubs");
        if (postgresUrl == null) {
          SeededClubs seeded =
              settings.clubs() == 1 ? clubs : new SeededClubs(operator, rulesRoot, settings.seed());
          rules = new RulesScenario(operator, seeded, progress).measure(settings);
        } else {
          PostgresClubs onPostgres =
              new PostgresClubs(operator, postgresUrl, rulesRoot, settings.seed());
          try {
            rules = new RulesScenario(operator, onPostgres, progress).measure(settings);
          } finally {
            onPostgres.dropAll();
          }
        }
      }
      if (settings.includes(Scenario.AGENT)) {
        agent = new AgentScenario(club, clubs, progress).measure(settings);
      }
      if (settings.includes(Scenario.DISPATCH)) {
        dispatch = new DispatchScenario(club, clubs, progress).measure(settings);
      }
      if (settings.includes(Scenario.STARTUP)) {
        startup = new StartupScenario(root, progress).measure(settings);
      }
      if (settings.includes(Scenario.CONSOLE)) {
        console = new ConsoleScenario(club, clubs, progress).measure(settings);
      }
      if (settings.includes(Scenario.PAYMENT)) {
        payment = new PaymentScenario(root, progress).measure(settings);
      }
      if (settings.includes(Scenario.MESSAGE)) {
        message = new MessageScenario(club, clubs, progress).measure(settings);
      }
      return new BenchReport(
          startedAt.toString(),
          Timing.round((System.nanoTime() - started) / 1e9),
          Machine.current(),
          BenchReport.Settings.of(settings, postgresUrl == null ? "embedded" : "postgresql"),
          rules,
          agent,
          dispatch,
          startup,
          console,
          payment,
          message,
          List.of());
    } finally {
      SeededClubs.deleteDirectory(root);
    }
  }

  private static Path workDirectory() {
    try {
      return Files.createTempDirectory("gymops-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory", e);
    }
  }
}
