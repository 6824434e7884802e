package com.gymops.bench;

import com.gymops.bench.clubhub.ClubHubDemoCommand;
import com.gymops.bench.drill.DrillCommand;
import com.gymops.cli.Cli;
import com.gymops.cli.CliEnvironment;

/**
 * Entry point of {@code gymops-bench.jar}: every command of {@code gymops} plus {@code bench} and
 * {@code drill} and {@code clubhub-demo}, which live in this module so that the product jar carries
 * no fake.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) {
    System.exit(
        Cli.commandLine(
                CliEnvironment.system(),
                BenchCommand.class,
                DrillCommand.class,
                ClubHubDemoCommand.class)
            .execute(args));
  }
}
