package com.gymops.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import picocli.CommandLine;

/** Runs the real command line in a working directory of the test's, and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {
  public static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");

  public static CliRun in(Path workingDirectory, String... args) {
    return in(workingDirectory, Map.of(), args);
  }

  static CliRun in(Path workingDirectory, Map<String, String> variables, String... args) {
    return withStdin(workingDirectory, variables, "", args);
  }

  /** Runs the command with {@code stdin} as its standard input. */
  static CliRun withStdin(
      Path workingDirectory, Map<String, String> variables, String stdin, String... args) {
    return run(workingDirectory, variables, stdin, new Object[0], args);
  }

  /** Runs a command line that also has {@code more} commands (the bench module's). */
  public static CliRun withCommands(Path workingDirectory, Object[] more, String... args) {
    return run(workingDirectory, Map.of(), "", more, args);
  }

  private static CliRun run(
      Path workingDirectory,
      Map<String, String> variables,
      String stdin,
      Object[] more,
      String... args) {
    CliEnvironment environment =
        new CliEnvironment(
            variables,
            Clock.fixed(NOW, ZoneId.of("UTC")),
            ZoneId.of("America/New_York"),
            workingDirectory,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Cli.commandLine(environment, more);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }
}
