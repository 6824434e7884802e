package com.gymops.bench.drill;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A {@code gymops} command in a JVM of its own, on this JVM's class path, its output appended to a
 * log file. {@link #kill} is SIGKILL ({@code kill -9}): no shutdown hook, no flush, no goodbye.
 */
final class ChildProcess {
  private final Process process;

  private ChildProcess(Process process) {
    this.process = process;
  }

  static ChildProcess start(
      Path workDir, Path log, Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Small and quick to start: the drills start hundreds of these on a shared machine.
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+UseSerialGC"));
    command.add("-cp");
    command.add(absolute(System.getProperty("java.class.path")));
    command.add("com.gymops.cli.Main");
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.PIPE);
    builder
        .environment()
        .keySet()
        .removeIf(
            name ->
                name.startsWith("GYMOPS_")
                    || name.startsWith("TWILIO_")
                    || name.equals("ANTHROPIC_API_KEY"));
    builder.environment().putAll(environment);
    try {
      return new ChildProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a child JVM", e);
    }
  }

  static String absolute(String classPath) {
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL (also of a stopped process), then waits until the process is gone. */
  void kill() {
    process.destroyForcibly();
    waitFor(60);
  }

  /** SIGTERM: what systemd, Docker or Ctrl-C send. */
  void terminate() {
    process.destroy();
  }

  /** The exit code, or -1 if the process still ran after {@code seconds}. */
  int waitFor(long seconds) {
    try {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        return -1;
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
