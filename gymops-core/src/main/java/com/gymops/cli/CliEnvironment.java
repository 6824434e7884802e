package com.gymops.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * What a command may read from outside its arguments: environment variables, the clock, the
 * machine's zone, the working directory and standard input. Tests pass their own.
 */
public record CliEnvironment(
    Map<String, String> variables,
    Clock clock,
    ZoneId systemZone,
    Path workingDirectory,
    InputStream stdin) {
  public CliEnvironment {
    variables = Map.copyOf(variables);
  }

  /** An environment whose standard input is empty. */
  public CliEnvironment(
      Map<String, String> variables, Clock clock, ZoneId systemZone, Path workingDirectory) {
    this(variables, clock, systemZone, workingDirectory, InputStream.nullInputStream());
  }

  public static CliEnvironment system() {
    return new CliEnvironment(
        System.getenv(),
        Clock.systemUTC(),
        ZoneId.systemDefault(),
        Path.of("").toAbsolutePath(),
        System.in);
  }

  public String variable(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
