package com.gymops.bench;

import com.gymops.cli.GymOpsCommand;
import com.gymops.cli.UserError;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure how fast and how cheap GymOps works, each figure beside its baseline from the same"
          + " run: rules runs against the least work their effects need, the agent's LLM cost"
          + " against the specification's per-member chaining, queued texts through a fake Twilio against"
          + " the bare HTTP calls, serve's startup against the bare JVM; on request, the manager"
          + " console's page times.",
      "Runs on demo clubs in a temporary embedded database, never on your data; progress goes to"
          + " stderr. docs/BENCHMARKS.md explains the figures."
    })
public final class BenchCommand implements Callable<Integer> {
  @ParentCommand GymOpsCommand root;
  @Spec CommandSpec spec;

  @Option(
      names = "--members",
      paramLabel = "N",
      defaultValue = "100000",
      description = "Members of the demo club, 10%% past due (default: ${DEFAULT-VALUE}).")
  int members;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "2026",
      description = "Random seed of the demo club (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--scenarios",
      paramLabel = "LIST",
      split = ",",
      defaultValue = "rules,agent,dispatch,startup",
      description =
          "Which to run, comma-separated: rules, agent, dispatch, startup, console (the manager"
              + " console's pages over HTTP), payment (a provider's paid event to the door's"
              + " unlock call), message (a one-off text to everyone, asked and approved)"
              + " (default: ${DEFAULT-VALUE}).")
  List<Scenario> scenarios;

  @Option(
      names = "--messages",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Texts of each unthrottled dispatch pass (default: ${DEFAULT-VALUE}).")
  int messages;

  @Option(
      names = "--throttled-messages",
      paramLabel = "N",
      defaultValue = "150",
      description =
          "Texts of the dispatch pass at 10 per second, a tenth of a second each"
              + " (default: ${DEFAULT-VALUE}).")
  int throttledMessages;

  @Option(
      names = "--repetitions",
      paramLabel = "N",
      defaultValue = "3",
      description = "Recorded runs of each timed scenario (default: ${DEFAULT-VALUE}).")
  int repetitions;

  @Option(
      names = "--warmups",
      paramLabel = "N",
      defaultValue = "1",
      description = "Unrecorded runs before them (default: ${DEFAULT-VALUE}).")
  int warmups;

  @Option(
      names = "--month-days",
      description =
          "Simulated days of the agent scenario's month of every workflow on its schedule"
              + " (default: ${DEFAULT-VALUE}).")
  int monthDays = BenchSettings.DEFAULT_MONTH_DAYS;

  @Option(
      names = "--month-members",
      split = ",",
      paramLabel = "N",
      description =
          "Demo club sizes of the agent scenario's month, comma-separated (default: 2000,20000).")
  java.util.List<Integer> monthMembers = BenchSettings.DEFAULT_MONTH_MEMBERS;

  @Option(
      names = "--database-url",
      paramLabel = "URL",
      description =
          "Run the rules scenario on this PostgreSQL server (a JDBC URL whose user may create"
              + " databases) instead of the embedded store: it creates and drops databases named"
              + " gymops_bench_* and never touches the one the URL names. The other scenarios"
              + " stay on the embedded store.")
  String databaseUrl;

  @Option(
      names = "--clubs",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Spread the rules scenario's --members over N clubs in one database, as an operator's"
              + " are: the run is one hourly fire, both workflows for every club one after the"
              + " other (default: ${DEFAULT-VALUE}).")
  int clubs;

  @Option(names = "--json", description = "Print one JSON document instead of the table.")
  boolean json;

  @Override
  public Integer call() {
    if (members < 10 || members > 1_000_000) {
      throw new UserError("--members must be between 10 and 1000000, not " + members);
    }
    if (databaseUrl != null && !databaseUrl.startsWith("jdbc:postgresql://")) {
      throw new UserError(
          "--database-url must be a PostgreSQL JDBC URL (jdbc:postgresql://...), not "
              + databaseUrl);
    }
    BenchSettings settings;
    try {
      settings =
          new BenchSettings(
              members,
              seed,
              warmups,
              repetitions,
              EnumSet.copyOf(scenarios),
              messages,
              throttledMessages,
              monthDays,
              monthMembers,
              clubs);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
    PrintWriter err = spec.commandLine().getErr();
    BenchReport report =
        new Bench(
                root.loadConfig(),
                root.environment().clock(),
                line -> {
                  err.println(line);
                  err.flush();
                },
                databaseUrl)
            .run(settings);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? BenchJson.of(report) + System.lineSeparator() : BenchTable.of(report));
    out.flush();
    return 0;
  }
}
