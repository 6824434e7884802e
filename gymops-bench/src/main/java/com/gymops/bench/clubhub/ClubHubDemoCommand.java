package com.gymops.bench.clubhub;

import com.gymops.app.DemoDirectory;
import com.gymops.application.messaging.DispatchResult;
import com.gymops.application.port.ClubSystemException;
import com.gymops.application.run.RunReport;
import com.gymops.application.sync.ClubPull;
import com.gymops.cli.GymOpsCommand;
import com.gymops.cli.ReportText;
import com.gymops.domain.Plural;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "clubhub-demo",
    mixinStandardHelpOptions = true,
    description = {
      "The six workflows on data pulled from ClubHub: starts a fake ClubHub on loopback holding a"
          + " generated club, configures GymOps with club_system.system: clubhub and door.system:"
          + " clubhub and nothing else, pulls the club through the real adapter and runs the six"
          + " workflows on it. Locks are ClubHub bans on the fake; texts go to messages.log.",
      "Its data goes to --dir (default ./"
          + ClubHubDemoCommand.DEFAULT_DIRECTORY
          + "), which each run wipes and rebuilds; it never touches a directory it did not make."
    })
public final class ClubHubDemoCommand implements Callable<Integer> {
  static final String DEFAULT_DIRECTORY = "gymops-clubhub-demo";
  private static final LocalTime RUN_TIME = LocalTime.of(10, 0);

  @ParentCommand GymOpsCommand root;
  @Spec CommandSpec spec;

  @Option(
      names = "--members",
      paramLabel = "N",
      defaultValue = "500",
      description =
          "People the club has in ClubHub, prospects included (default: ${DEFAULT-VALUE}).")
  int members;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "2026",
      description = "Random seed: the same seed makes the same club (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--timezone",
      paramLabel = "ZONE",
      defaultValue = "America/Chicago",
      description = "The club's time zone (default: ${DEFAULT-VALUE}).")
  ZoneId zone;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = DEFAULT_DIRECTORY,
      description = "The demo's data directory (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--dry-run", description = "Plan the six workflows; change nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    if (members < 1 || members > 100_000) {
      spec.commandLine().getErr().println("--members must be between 1 and 100000");
      return 2;
    }
    Path directory = root.resolve(dir);
    try {
      DemoDirectory.prepare(directory);
    } catch (IllegalStateException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    }
    PrintWriter out = spec.commandLine().getOut();
    var clock = root.environment().clock();
    try (ClubHubDemo demo = ClubHubDemo.open(directory, clock, zone, members, seed)) {
      out.printf(
          "Fake ClubHub at %s holds club %s: %d people (%d staff)%n",
          demo.clubHub().baseUrl(),
          ClubHubDemo.CLUB_NUMBER,
          demo.seeded().size(),
          demo.seeded().values().stream().filter(ClubHubSeed.Seeded::staff).count());
      ClubPull.Report pulled;
      long started = System.nanoTime();
      try {
        pulled = demo.pull();
      } catch (ClubSystemException e) {
        spec.commandLine().getErr().println("The pull from ClubHub failed: " + e.getMessage());
        return 1;
      }
      out.printf(
          "Pulled from ClubHub in %.1f s: %d members merged, %d skipped, into %s%n",
          (System.nanoTime() - started) / 1e9,
          pulled.pull().merged(),
          pulled.pull().problems().size(),
          directory);
      pulled.pull().problems().forEach(problem -> out.println("  skipped " + problem));
      LocalDate today = LocalDate.now(clock.withZone(zone));
      Instant at = today.atTime(RUN_TIME).atZone(zone).toInstant();
      out.printf(
          "%nThe six workflows on the pulled club, run as of %s %s (%s)%s:%n",
          today, RUN_TIME, zone, dryRun ? ", dry run" : "");
      for (RunReport report : demo.runSix(at, dryRun)) {
        out.println();
        ReportText.print(report, out);
      }
      if (!dryRun) {
        DispatchResult dispatched = demo.app().dispatcher().dispatch(at);
        out.printf(
            "%nDispatch: %s logged, not sent (written to %s: no SMS provider configured), %d"
                + " deferred to the sending window, %d failed.%n",
            Plural.of(dispatched.logged(), "message", "messages"),
            directory.resolve("messages.log"),
            dispatched.deferred(),
            dispatched.failed());
      }
      out.printf(
          "ClubHub bans now on the fake: %d%nSee the runs with: ./gymops --data %s runs%n",
          demo.clubHub().banned().size(), directory);
    }
    out.flush();
    return 0;
  }
}
