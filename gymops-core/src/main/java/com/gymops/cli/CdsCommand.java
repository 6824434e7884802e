package com.gymops.cli;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "cds",
    mixinStandardHelpOptions = true,
    description = {
      "Make a class-data sharing archive (AppCDS) of the classes a 'gymops run' loads, so that"
          + " every later JVM maps them instead of loading and verifying them again: a faster"
          + " cold start for runs from cron.",
      "It starts this Java on this jar in a child JVM with -XX:ArchiveClassesAtExit, on a"
          + " throwaway directory it creates and deletes: a "
          + CdsWorkload.MEMBERS
          + "-member demo club, then 'run past-due-monitoring' by the rules, as a dry run and"
          + " for real, on the defaults (no environment, nothing sent, never your data or"
          + " configuration). A second child must start with the archive and -Xshare:on."
          + " Then it prints the command line to use and the archive's size (some 25 MB and"
          + " 4,000 classes; seconds on a quiet machine). The children's output is not shown (the"
          + " JVM warns about every class it cannot archive); a failed child's exit code and"
          + " last lines are.",
      "The archive fits this jar and this Java only: make it again after replacing either."
    },
    footer = {
      "",
      "Exit codes: 0 the archive is made and works; 1 not run from the jar, the output cannot be"
          + " written, or a child JVM failed (its exit code and last lines are printed)."
    })
final class CdsCommand implements Callable<Integer> {
  static final String DEFAULT_FILE = "gymops.jsa";
  static final String NOT_A_JAR =
      "needs the packaged jar (java -jar target/gymops.jar cds); this gymops runs from ";

  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  @ParentCommand GymOpsCommand root;
  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Where to write the archive; a directory gets "
              + DEFAULT_FILE
              + " in it (default: "
              + DEFAULT_FILE
              + " next to the jar, or in the current directory if the jar's is not writable).")
  Path output;

  @Override
  public Integer call() {
    Path jar = runningJar(CdsCommand.class.getProtectionDomain().getCodeSource());
    Path target =
        output != null
            ? named(root.resolve(output))
            : defaultOutput(jar, root.environment().workingDirectory(), Files::isWritable);
    Path directory = writableDirectory(target);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Archiving the classes of a demo seed and a past-due-monitoring run (two child JVMs,"
            + " a minute or more on a busy machine)...%n");
    out.flush();
    Path java = javaBinary();
    ClassDataArchiver.Result result =
        new ClassDataArchiver(java, List.of(jar)).make(directory.resolve(target.getFileName()));
    out.printf(
        "Archive %s: %s; the check run mapped %,d classes from it (%,d others, picocli's"
            + " Java 5 classes and generated ones, cannot be archived and load as usual).%n",
        result.archive(),
        megabytes(result.bytes()),
        result.fromArchive(),
        result.loadedOtherwise());
    out.printf(
        "Start gymops with it, e.g. in cron:%n  %s%n", useCommand(java, result.archive(), jar));
    out.printf(
        "It fits this jar and this Java only: run 'gymops cds' again after replacing either (given"
            + " a stale archive, the JVM warns and starts without it).%n");
    out.flush();
    return 0;
  }

  /** The jar this class came from; anything else (tests, an IDE's class directories) is refused. */
  static Path runningJar(CodeSource source) {
    Path location;
    try {
      location =
          source == null || source.getLocation() == null
              ? null
              : Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
    } catch (URISyntaxException | IllegalArgumentException e) {
      location = null;
    }
    if (location == null
        || !Files.isRegularFile(location)
        || !location.toString().endsWith(".jar")) {
      throw new UserError(NOT_A_JAR + (location == null ? "an unknown location" : location));
    }
    return location;
  }

  /**
   * {@value #DEFAULT_FILE} beside the jar, where it belongs (it is only valid for that jar); the
   * current directory when the jar sits somewhere read-only such as /opt or a package's directory.
   */
  static Path defaultOutput(Path jar, Path workingDirectory, Predicate<Path> writable) {
    Path beside = jar.toAbsolutePath().getParent();
    return (beside != null && writable.test(beside) ? beside : workingDirectory)
        .resolve(DEFAULT_FILE);
  }

  /** An existing directory given as -o gets the default file name in it. */
  static Path named(Path output) {
    return Files.isDirectory(output) ? output.resolve(DEFAULT_FILE) : output;
  }

  private static Path writableDirectory(Path target) {
    Path directory = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(directory);
    } catch (java.io.IOException e) {
      throw new UserError("cannot create " + directory + ": " + e.getMessage(), e);
    }
    if (!Files.isWritable(directory)) {
      throw new UserError("cannot write the archive into " + directory + ": not writable");
    }
    return directory;
  }

  /** The same installation as this JVM: an archive only works with the JVM build that made it. */
  static Path javaBinary() {
    Path bin = Path.of(System.getProperty("java.home"), "bin");
    Path java = bin.resolve("java");
    return Files.isExecutable(java) ? java : bin.resolve("java.exe");
  }

  static String useCommand(Path java, Path archive, Path jar) {
    return String.join(
        " ",
        shellWord(java.toString()),
        shellWord("-XX:SharedArchiveFile=" + archive),
        "-jar",
        shellWord(jar.toString()),
        "run",
        "past-due-monitoring");
  }

  /** Quoted for a POSIX shell when it has to be, so the printed line can be pasted as it is. */
  static String shellWord(String word) {
    return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
  }
}
