package com.gymops.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Makes a dynamic class-data sharing archive ({@code -XX:ArchiveClassesAtExit}) of what {@link
 * CdsWorkload} loads, in a child JVM of the given {@code java} on the given class path, then proves
 * it in a second child that must map it ({@code -Xshare:on} refuses to start otherwise).
 *
 * <p>The class path is explicit, not this JVM's: the archive is valid only for the exact class path
 * it was made with, and the command makes it for the packaged jar while the tests make it for jars
 * of their own. The children's output goes to files (the JVM warns about every class it cannot
 * archive) and is shown only when a child fails.
 */
final class ClassDataArchiver {
  static final String MAIN_CLASS = CdsWorkload.class.getName();
  private static final Duration CHILD_LIMIT = Duration.ofMinutes(10);
  private static final int TAIL_LINES = 8;

  /** The check's class loading as the JVM logs it; "(top)" is the dynamic archive. */
  private static final String CLASS_LOAD_TAG = "[class,load]";

  /**
   * The JVM's info and warning lines, e.g. one per class it cannot archive, printed at exit after
   * whatever went wrong: left out of a failure's tail so that the cause shows. Errors stay.
   */
  private static final Pattern JVM_NOTE = Pattern.compile("^\\[[^]]*\\]\\[(info|warning)\\]\\[.*");

  private static final String FROM_ARCHIVE = "source: shared objects file (top)";
  private static final String FROM_BASE_ARCHIVE = "source: shared objects file";

  private final Path java;
  private final List<Path> classPath;

  ClassDataArchiver(Path java, List<Path> classPath) {
    this.java = java;
    this.classPath = List.copyOf(classPath);
    for (Path entry : this.classPath) {
      // The JVM archives classes from jar files only and refuses a non-empty directory outright.
      if (!Files.isRegularFile(entry)) {
        throw new UserError(
            "class data sharing needs jar files on the class path, and " + entry + " is not one");
      }
    }
  }

  /**
   * What the check saw.
   *
   * @param archive where the archive now is
   * @param bytes its size
   * @param fromArchive classes the check run mapped from it
   * @param loadedOtherwise classes the check run loaded from the class path or generated (picocli's
   *     Java 5 classes and generated lambda forms cannot be archived)
   */
  record Result(Path archive, long bytes, int fromArchive, int loadedOtherwise) {}

  /**
   * Makes the archive in a temporary file next to {@code output}, checks it, and only then moves it
   * onto {@code output}: a failed attempt leaves an earlier archive in place, and a JVM that has
   * the old one mapped keeps its file (a rename, not an overwrite in place under its feet).
   */
  Result make(Path output) {
    Path work = createTempDirectory();
    // Unique, so that two makers at once do not write into each other's file.
    Path pending =
        output.resolveSibling(output.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    try {
      Files.deleteIfExists(pending);
      run(
          "making the archive",
          work.resolve("dump.log"),
          List.of("-XX:ArchiveClassesAtExit=" + pending),
          work.resolve("dump"));
      if (!Files.isRegularFile(pending)) {
        throw new UserError(
            "making the archive: the child JVM exited with code 0 but wrote no "
                + pending
                + "; its last lines: "
                + tail(work.resolve("dump.log")));
      }
      Path checkLog = work.resolve("check.log");
      run(
          "checking the archive",
          checkLog,
          List.of("-XX:SharedArchiveFile=" + pending, "-Xshare:on", "-Xlog:class+load=info"),
          work.resolve("check"));
      List<String> loads = classLoads(checkLog);
      int fromArchive = (int) loads.stream().filter(line -> line.endsWith(FROM_ARCHIVE)).count();
      int otherwise =
          (int) loads.stream().filter(line -> !line.contains(FROM_BASE_ARCHIVE)).count();
      long bytes = Files.size(pending);
      Files.move(
          pending, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new Result(output, bytes, fromArchive, otherwise);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(pending);
      deleteRecursively(work);
    }
  }

  /** The command line of one child: this class path, the workload, its own directory. */
  List<String> command(List<String> jvmOptions, Path directory) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPathString());
    command.add(MAIN_CLASS);
    command.add(directory.toString());
    return command;
  }

  String classPathString() {
    return classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  private void run(String what, Path log, List<String> jvmOptions, Path directory)
      throws IOException {
    Files.createDirectories(directory);
    ProcessBuilder builder =
        new ProcessBuilder(command(jvmOptions, directory))
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // The workload reads no variable, but a child should not even hold a secret it has no use for.
    builder
        .environment()
        .keySet()
        .removeIf(
            name ->
                name.startsWith("GYMOPS_")
                    || name.startsWith("TWILIO_")
                    || name.startsWith("ANTHROPIC_"));
    Process process = builder.start();
    process.getOutputStream().close(); // the workload reads nothing from standard input
    int exitCode;
    try {
      if (!process.waitFor(CHILD_LIMIT.toMinutes(), TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new UserError(
            what + ": the child JVM ran longer than " + CHILD_LIMIT.toMinutes() + " minutes");
      }
      exitCode = process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new UserError(what + ": interrupted", e);
    }
    if (exitCode != 0) {
      throw new UserError(failure(what, exitCode, tail(log)));
    }
  }

  /** One line: which step, the child's exit code and the last lines it printed. */
  static String failure(String what, int exitCode, String tail) {
    return what
        + ": the child JVM exited with code "
        + exitCode
        + (tail.isEmpty() ? " and printed nothing" : "; its last lines: " + tail);
  }

  /**
   * The child's last lines without the JVM's info and warning lines, joined with " | " so that the
   * error stays one line.
   */
  static String tail(Path log) {
    List<String> lines;
    try {
      lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
    List<String> kept =
        lines.stream()
            .filter(line -> !line.isBlank() && !JVM_NOTE.matcher(line).matches())
            .map(String::strip)
            .collect(Collectors.toList());
    return String.join(" | ", kept.subList(Math.max(0, kept.size() - TAIL_LINES), kept.size()));
  }

  private static List<String> classLoads(Path log) throws IOException {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.filter(line -> line.contains(CLASS_LOAD_TAG)).collect(Collectors.toList());
    }
  }

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("gymops-cds");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover temporary file is harmless; the next attempt replaces it
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(ClassDataArchiver::deleteQuietly);
    } catch (IOException e) {
      // the throwaway directory is under java.io.tmpdir; the system cleans what remains
    }
  }
}
