package com.gymops.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * What a command may read from outside its arguments: environment variables, the clock, the
 * machine's zone and the working directory. Tests pass their own.
 */
public record CliEnvironment(
    Map<String, String> variables, Clock clock, ZoneId systemZone, Path workingDirectory) {
  public CliEnvironment {
    variables = Map.copyOf(variables);
  }

  public static CliEnvironment system() {
    return new CliEnvironment(
        System.getenv(), Clock.systemUTC(), ZoneId.systemDefault(), Path.of("").toAbsolutePath());
  }

  public String variable(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
