package com.gymops.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code serve} on the embedded database, started in a child JVM from this process's own class
 * path, timed until its {@code /health} answers; the baseline is the same JVM printing {@code
 * --version}. A child process because startup is the JVM's and the class loading's as much as ours,
 * and this JVM is warm.
 */
final class StartupScenario {
  private static final Pattern PORT = Pattern.compile("serving on port (\\d+)");
  private static final Duration LIMIT = Duration.ofSeconds(60);

  /** Settings from this environment that must not reach the child: it runs on the defaults. */
  private static final List<String> UNSET =
      List.of(
          "GYMOPS_CONFIG",
          "GYMOPS_DATA",
          "GYMOPS_DATABASE_URL",
          "GYMOPS_DATABASE_USER",
          "GYMOPS_DATABASE_PASSWORD",
          "ANTHROPIC_API_KEY",
          "ANTHROPIC_BASE_URL");

  private final Path root;
  private final Consumer<String> progress;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private int starts;

  StartupScenario(Path root, Consumer<String> progress) {
    this.root = root;
    this.progress = progress;
  }

  StartupFigures measure(BenchSettings settings) {
    List<Long> serves = new ArrayList<>();
    List<Long> baselines = new ArrayList<>();
    for (int i = 0; i < settings.warmups() + settings.repetitions(); i++) {
      long serve = serveUntilHealthy();
      long baseline = version();
      progress.accept(
          String.format(
              "startup %s: serve %.2f s, --version %.2f s",
              i < settings.warmups() ? "warm-up" : "repetition", serve / 1e9, baseline / 1e9));
      if (i >= settings.warmups()) {
        serves.add(serve);
        baselines.add(baseline);
      }
    }
    Timing serve = Timing.ofNanos(serves);
    Timing baseline = Timing.ofNanos(baselines);
    return new StartupFigures(
        serve, baseline, Timing.round(serve.medianSeconds() / baseline.medianSeconds()));
  }

  private long serveUntilHealthy() {
    Path directory = freshDirectory();
    long started = System.nanoTime();
    Process process = start(directory, "--data", directory.toString(), "serve", "--port", "0");
    try {
      int port = boundPort(process);
      while (!healthy(port)) {
        if (System.nanoTime() - started > LIMIT.toNanos() || !process.isAlive()) {
          throw new IllegalStateException("serve did not answer /health; see " + directory);
        }
        Thread.onSpinWait();
      }
      return System.nanoTime() - started;
    } finally {
      stop(process);
      SeededClubs.deleteDirectory(directory);
    }
  }

  private long version() {
    Path directory = freshDirectory();
    long started = System.nanoTime();
    Process process = start(directory, "--version");
    try {
      if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("gymops --version failed in a child JVM");
      }
      return System.nanoTime() - started;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      stop(process);
      SeededClubs.deleteDirectory(directory);
    }
  }

  private Path freshDirectory() {
    Path directory = root.resolve("startup-" + ++starts);
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The child runs in its own directory, so {@code java -jar target/gymops.jar}'s relative class
   * path must be made absolute first.
   */
  static String absolute(String classPath) {
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static Process start(Path directory, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(absolute(System.getProperty("java.class.path")));
    command.add("com.gymops.cli.Main");
    command.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.PIPE);
    Map<String, String> environment = builder.environment();
    UNSET.forEach(environment::remove);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a child JVM", e);
    }
  }

  /** Reads the child's output up to the line with its port; serve prints it once it listens. */
  private static int boundPort(Process process) {
    BufferedReader output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    try {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        Matcher port = PORT.matcher(line);
        if (port.find()) {
          // Keep draining, so a chatty child never blocks on a full pipe.
          Thread drain = new Thread(() -> output.lines().forEach(ignored -> {}), "bench-drain");
          drain.setDaemon(true);
          drain.start();
          return Integer.parseInt(port.group(1));
        }
        seen.append(line).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("serve exited without listening:\n" + seen);
  }

  private boolean healthy(int port) {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** SIGTERM: serve stops cleanly and releases the database before the directory goes. */
  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
