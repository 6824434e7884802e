package com.gymops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real archiving path of {@code gymops cds} in child JVMs. The packaged jar exists only after
 * {@code package}, and the JVM archives classes from jars only, so the test jars the compiled main
 * classes itself and passes that jar and the dependency jars as the class path: the same children,
 * the same workload, the same {@code -Xshare:on} check as with {@code java -jar gymops.jar cds}.
 */
class ClassDataArchiveTest {
  @TempDir static Path shared;
  private static List<Path> classPath;

  @TempDir Path work;

  @BeforeAll
  static void jarTheMainClasses() throws Exception {
    Path classes =
        Path.of(CdsWorkload.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path jar = shared.resolve("gymops-classes.jar");
    jar(classes, jar);
    classPath = new ArrayList<>();
    classPath.add(jar);
    classPath.addAll(dependencyJars());
  }

  @Test
  void makes_an_archive_that_a_jvm_on_the_same_class_path_must_map() throws Exception {
    Set<String> throwawayBefore = throwawayDirectories();
    Path archive = work.resolve("gymops.jsa");

    ClassDataArchiver.Result result =
        new ClassDataArchiver(CdsCommand.javaBinary(), classPath).make(archive);

    assertThat(result.archive()).isEqualTo(archive).isRegularFile();
    assertThat(result.bytes()).isEqualTo(Files.size(archive)).isGreaterThan(1_000_000);
    // GymOps, Flyway, Jdbi, SQLite's driver, Jackson... came from the archive in the check run.
    assertThat(result.fromArchive()).isGreaterThan(1_000);
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left).containsExactly(archive);
    }
    assertThat(throwawayDirectories()).isSubsetOf(throwawayBefore);

    // Independently of the archiver's own check: -Xshare:on starts only if it maps the archive...
    Child same = Child.run(work, "-XX:SharedArchiveFile=" + archive, classPath, "--version");
    assertThat(same.exitCode()).as(same.output()).isZero();
    assertThat(same.output()).contains("gymops ").doesNotContain("warning");
    // ...and refuses it when the class path is not the one it was made for.
    Path copy = Files.copy(classPath.get(0), work.resolve("copy.jar"));
    List<Path> otherPath = new ArrayList<>(classPath);
    otherPath.set(0, copy);
    Child other = Child.run(work, "-XX:SharedArchiveFile=" + archive, otherPath, "--version");
    assertThat(other.exitCode()).isNotZero();
    assertThat(other.output()).contains("shared class paths mismatch");
  }

  @Test
  void a_failed_child_leaves_the_earlier_archive_alone() throws IOException {
    Path archive = Files.writeString(work.resolve("gymops.jsa"), "the earlier archive");
    // The dependencies without GymOps: the child cannot find the workload's class.
    List<Path> withoutGymOps = classPath.subList(1, classPath.size());

    assertThatThrownBy(
            () -> new ClassDataArchiver(CdsCommand.javaBinary(), withoutGymOps).make(archive))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("making the archive: the child JVM exited with code 1; its last")
        .hasMessageContaining(ClassDataArchiver.MAIN_CLASS)
        .hasMessageNotContaining("\n");
    assertThat(archive).hasContent("the earlier archive");
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left).containsExactly(archive);
    }
  }

  private record Child(int exitCode, String output) {
    static Child run(Path directory, String option, List<Path> classPath, String... args)
        throws Exception {
      List<String> command = new ArrayList<>();
      command.addAll(List.of(CdsCommand.javaBinary().toString(), option, "-Xshare:on", "-cp"));
      command.add(
          classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
      command.add(Main.class.getName());
      command.addAll(List.of(args));
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      return new Child(process.exitValue(), output);
    }
  }

  private static List<Path> dependencyJars() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.endsWith(".jar"))
        .map(entry -> Path.of(entry).toAbsolutePath())
        .filter(Files::isRegularFile)
        .collect(Collectors.toList());
  }

  private static Set<String> throwawayDirectories() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries
          .map(path -> path.getFileName().toString())
          .filter(name -> name.startsWith("gymops-cds"))
          .collect(Collectors.toSet());
    }
  }

  private static void jar(Path directory, Path jar) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> paths = Files.walk(directory)) {
      for (Path path : (Iterable<Path>) paths.filter(path -> !path.equals(directory))::iterator) {
        String name = directory.relativize(path).toString().replace(File.separatorChar, '/');
        // Directory entries too, as the packaged jar has them: Flyway finds the migrations by one.
        boolean isDirectory = Files.isDirectory(path);
        out.putNextEntry(new JarEntry(isDirectory ? name + "/" : name));
        if (!isDirectory) {
          Files.copy(path, out);
        }
        out.closeEntry();
      }
    }
  }
}
