package com.gymops.cli;

import com.gymops.adapter.config.ConfigLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What {@code gymops cds} runs in its child JVM so that the JVM loads, and then archives, the
 * classes a real {@code gymops run} needs: picocli and the command tree, the YAML configuration
 * (the commented example, so every section is bound), SQLite, HikariCP, Flyway and the migrations,
 * Jdbi, a demo club's seed, the policies, the executor and the text report.
 *
 * <p>It works only inside the directory it is given and on the defaults: no environment variable
 * reaches the configuration (so no database URL, no Twilio or Anthropic key), messages go to the
 * log file, doors are the builtin ones, and the rules decide (never the model), so nothing leaves
 * the machine. One JVM for all steps, because an archive holds what one JVM loaded.
 */
final class CdsWorkload {
  static final int MEMBERS = 200;

  private CdsWorkload() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: CdsWorkload DIR (an empty directory it may fill)");
      System.exit(2);
    }
    System.exit(run(Path.of(args[0]).toAbsolutePath()));
  }

  /** Runs the steps in {@code directory}; the first non-zero exit code, else 0. */
  static int run(Path directory) throws IOException {
    Path config = directory.resolve(GymOpsCommand.DEFAULT_CONFIG_FILE);
    Files.writeString(config, ConfigLoader.exampleYaml(), StandardCharsets.UTF_8);
    CliEnvironment environment =
        new CliEnvironment(Map.of(), Clock.systemUTC(), ZoneId.systemDefault(), directory);
    List<String> common = List.of("--config", config.toString(), "--data", "data");
    for (List<String> step : steps()) {
      String[] args = concat(common, step);
      int exitCode = Cli.commandLine(environment).execute(args);
      if (exitCode != 0) {
        System.err.println(
            "step failed with exit code " + exitCode + ": " + String.join(" ", args));
        return exitCode;
      }
    }
    return 0;
  }

  /**
   * A seed, then the hourly cron run as a dry run and for real (the real one also loads the
   * executor and the outbox; its texts stay queued in this directory's database, as nothing
   * dispatches them).
   */
  static List<List<String>> steps() {
    return List.of(
        List.of("demo", "--members", String.valueOf(MEMBERS), "--no-run"),
        List.of("run", "past-due-monitoring", "--mode", "rules", "--dry-run"),
        List.of("run", "past-due-monitoring", "--mode", "rules"));
  }

  private static String[] concat(List<String> first, List<String> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toArray(String[]::new);
  }
}
