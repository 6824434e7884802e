package com.gymops.cli;

import com.gymops.app.DemoDirectory;
import com.gymops.app.GymOpsApp;
import com.gymops.config.ClubSettings;
import com.gymops.config.DatabaseSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.demo.DemoClubGenerator;
import com.gymops.demo.DemoData;
import com.gymops.demo.DemoSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Make a realistic demo club in a fresh embedded database and show what it holds.",
      "Without --data it uses ./"
          + DemoCommand.DEFAULT_DIRECTORY
          + ", which each demo wipes and"
          + " rebuilds; it never touches a directory it did not make."
    })
final class DemoCommand implements Callable<Integer> {
  static final String DEFAULT_DIRECTORY = "gymops-demo";

  @ParentCommand GymOpsCommand root;
  @Spec CommandSpec spec;

  @Option(
      names = "--members",
      paramLabel = "N",
      defaultValue = "2000",
      description = "How many people the club has, prospects included (default: ${DEFAULT-VALUE}).")
  int members;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "2026",
      description = "Random seed: the same seed makes the same club (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    if (members < 1 || members > 1_000_000) {
      throw new UserError("--members must be between 1 and 1000000, not " + members);
    }
    Path directory =
        root.dataDir != null
            ? root.resolve(root.dataDir)
            : root.resolve(Path.of(DEFAULT_DIRECTORY));
    GymOpsConfig configured = root.loadConfig();
    // The demo always runs on its own embedded database, even when a server is configured.
    GymOpsConfig config =
        new GymOpsConfig(configured.clubs(), DatabaseSettings.EMBEDDED, configured.messaging());
    ClubSettings club = config.clubs().get(0);
    try {
      DemoDirectory.prepare(directory);
    } catch (IllegalStateException e) {
      throw new UserError(e.getMessage(), e);
    }
    LocalDate today = LocalDate.now(root.environment().clock().withZone(club.club().zone()));
    DemoData data =
        new DemoClubGenerator(today, club.club().zone()).generate(club.club().id(), members, seed);
    PrintWriter out = spec.commandLine().getOut();
    try (GymOpsApp app = GymOpsApp.open(config, directory, root.environment().clock())) {
      app.seed(data);
      out.printf(
          "Demo club '%s' (%s, %s) in %s%n%n",
          club.club().name(), club.club().id(), club.club().zone(), directory);
      out.println(DemoSummary.of(data, today).render());
    }
    out.flush();
    return 0;
  }
}
