package com.gymops.bench.drill;

import com.gymops.cli.Cli;
import com.gymops.cli.GymOpsCommand;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "drill",
    mixinStandardHelpOptions = true,
    description = {
      "Crash drills on the embedded store, or on PostgreSQL with --database-url: runs the real"
          + " gymops in separate JVMs, kills them with SIGKILL at seeded random moments, restarts"
          + " them and checks that nothing acknowledged was lost, no text went out twice, no fire"
          + " was skipped and the database is whole (on PostgreSQL: answers and every table reads).",
      "Scenarios: serve (payments arriving, scheduler ticking; then a SIGTERM must stop it with"
          + " exit 0), dispatch (against a fake Twilio), run (past-due-monitoring on a large club),"
          + " fire (a scheduled run), pull (gymops sync from a fake ClubHub: no member half-written"
          + " or doubled, no debt's start moved, GymOps' own writes kept),"
          + " stripe and square (serve with Stripe's or Square's paid events arriving; not in the"
          + " default set)."
          + " Exits 1 when an invariant broke; the work directory keeps every club and log.",
      "On PostgreSQL each club copy is a database gymops_drill_* made from a seeded template"
          + " (CREATE DATABASE ... TEMPLATE) and dropped at the end; the children run with"
          + " server.run_lease PT10S and 4 missed heartbeats of 1 s, since a killed run's lease"
          + " frees only when it expires there. One drill per server at a time."
    })
public final class DrillCommand implements Callable<Integer> {
  @ParentCommand GymOpsCommand root;
  @Spec CommandSpec spec;

  @Option(
      names = "--kills",
      paramLabel = "N",
      defaultValue = "30",
      description = "Kills per scenario (default: ${DEFAULT-VALUE}).")
  int kills;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Random seed of the kill moments (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--scenarios",
      paramLabel = "LIST",
      split = ",",
      defaultValue = "serve,dispatch,run,fire,pull",
      description = "Comma-separated scenarios (default: ${DEFAULT-VALUE}).")
  List<String> scenarios;

  @Option(
      names = "--members",
      paramLabel = "N",
      defaultValue = "20000",
      description = "People in the club of the run scenario (default: ${DEFAULT-VALUE}).")
  int members;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Work directory (default: a new temporary one).")
  Path work;

  @Option(
      names = "--database-url",
      paramLabel = "URL",
      description =
          "Run every scenario on this PostgreSQL server (jdbc:postgresql://host:port/db?user=...),"
              + " whose user may create databases; the database the URL names is only connected"
              + " to. Default: the embedded SQLite store.")
  String databaseUrl;

  @Override
  public Integer call() throws Exception {
    Set<String> chosen = new LinkedHashSet<>(scenarios);
    for (String scenario : chosen) {
      if (!Drill.SCENARIOS.contains(scenario)) {
        throw new ParameterException(
            spec.commandLine(), "unknown scenario '" + scenario + "'; known: " + Drill.SCENARIOS);
      }
    }
    if (kills < 1 || members < 100) {
      throw new ParameterException(
          spec.commandLine(), "--kills must be at least 1 and --members at least 100");
    }
    Path directory = work != null ? root.resolve(work) : Files.createTempDirectory("gymops-drill");
    PrintWriter out = spec.commandLine().getOut();
    if (databaseUrl != null && !databaseUrl.startsWith("jdbc:postgresql://")) {
      throw new ParameterException(
          spec.commandLine(),
          "--database-url must be a PostgreSQL JDBC URL (jdbc:postgresql://...)");
    }
    out.printf(
        "drill: %d kills per scenario, seed %d, on %s, in %s%n",
        kills, seed, databaseUrl == null ? "SQLite" : "PostgreSQL", directory);
    out.flush();
    List<DrillResult> results =
        Drill.run(
            new Drill.Settings(
                kills,
                seed,
                chosen,
                members,
                directory,
                line -> {
                  out.println(line);
                  out.flush();
                },
                databaseUrl));
    boolean passed = true;
    for (DrillResult result : results) {
      out.printf(
          "%-9s %s  kills %d  %s%n",
          result.scenario(),
          result.passed() ? "ok    " : "FAILED",
          result.kills(),
          result.counts());
      result.violations().forEach(violation -> out.printf("          %s%n", violation));
      result.notes().forEach(note -> out.printf("          note: %s%n", note));
      passed &= result.passed();
    }
    out.flush();
    return passed ? 0 : Cli.EXIT_FAILURE;
  }
}
