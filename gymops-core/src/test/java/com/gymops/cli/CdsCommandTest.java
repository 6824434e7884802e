package com.gymops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.config.GymOpsConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.cert.Certificate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gymops cds}'s arguments, paths and messages; ClassDataArchiveTest makes a real archive.
 */
class CdsCommandTest {
  @TempDir Path work;

  @Test
  void refuses_to_run_from_a_class_path_in_one_line() {
    CliRun run = CliRun.in(work, "cds");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("gymops cds: needs the packaged jar (java -jar target/gymops.jar cds);")
        .containsOnlyOnce("\n");
    assertThat(work.resolve(CdsCommand.DEFAULT_FILE)).doesNotExist();
  }

  @Test
  void help_says_what_it_runs_and_where_the_archive_goes() {
    CliRun run = CliRun.in(work, "cds", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("-o, --output=FILE", "-XX:ArchiveClassesAtExit", "-Xshare:on", "gymops.jsa")
        .contains("next to the jar", "current directory");
  }

  @Test
  void the_running_jar_is_the_code_source_only_when_that_is_a_jar_file() throws IOException {
    Path jar = Files.createFile(work.resolve("gymops.jar"));

    assertThat(CdsCommand.runningJar(source(jar))).isEqualTo(jar);
    assertThatThrownBy(() -> CdsCommand.runningJar(source(work)))
        .isInstanceOf(UserError.class)
        .hasMessage(CdsCommand.NOT_A_JAR + work);
    assertThatThrownBy(() -> CdsCommand.runningJar(null))
        .hasMessage(CdsCommand.NOT_A_JAR + "an unknown location");
    assertThatThrownBy(() -> CdsCommand.runningJar(source(work.resolve("missing.jar"))))
        .isInstanceOf(UserError.class);
  }

  @Test
  void the_default_archive_goes_beside_the_jar_or_else_into_the_working_directory() {
    Path jar = Path.of("/opt/gymops/gymops.jar");
    Path cwd = Path.of("/home/manager");

    assertThat(CdsCommand.defaultOutput(jar, cwd, directory -> true))
        .isEqualTo(Path.of("/opt/gymops/gymops.jsa"));
    assertThat(CdsCommand.defaultOutput(jar, cwd, directory -> false))
        .isEqualTo(Path.of("/home/manager/gymops.jsa"));
  }

  @Test
  void an_output_directory_gets_the_default_file_name() {
    assertThat(CdsCommand.named(work)).isEqualTo(work.resolve("gymops.jsa"));
    assertThat(CdsCommand.named(work.resolve("club.jsa"))).isEqualTo(work.resolve("club.jsa"));
  }

  @Test
  void the_printed_command_can_be_pasted_into_a_shell() {
    assertThat(
            CdsCommand.useCommand(
                Path.of("/usr/lib/jvm/java-17/bin/java"),
                Path.of("/opt/gym ops/gymops.jsa"),
                Path.of("/opt/gym ops/gymops.jar")))
        .isEqualTo(
            "/usr/lib/jvm/java-17/bin/java '-XX:SharedArchiveFile=/opt/gym ops/gymops.jsa'"
                + " -jar '/opt/gym ops/gymops.jar' run past-due-monitoring");
    assertThat(CdsCommand.shellWord("it's")).isEqualTo("'it'\\''s'");
    assertThat(CdsCommand.megabytes(25_448_448)).isEqualTo("25.4 MB");
  }

  @Test
  void the_archiver_takes_jar_files_only() {
    assertThatThrownBy(() -> new ClassDataArchiver(CdsCommand.javaBinary(), List.of(work)))
        .isInstanceOf(UserError.class)
        .hasMessage(
            "class data sharing needs jar files on the class path, and " + work + " is not one");
  }

  @Test
  void a_failed_child_is_one_line_with_its_exit_code_and_last_lines() throws IOException {
    Path log = work.resolve("child.log");
    StringBuilder text = new StringBuilder("[0.1s][info][class,load] java.lang.Object source: x\n");
    for (int i = 1; i <= 9; i++) {
      text.append("line ").append(i).append("\n\n");
    }
    // The JVM's notes at exit (one per class it cannot archive) would hide the cause; errors stay.
    text.append("[0.2s][error][cds] line 10\n");
    text.append("[1.4s][warning][cds] Pre JDK 6 class not supported by CDS: 49.0 picocli/X\n");
    Files.writeString(log, text, StandardCharsets.UTF_8);

    String tail = ClassDataArchiver.tail(log);

    assertThat(tail)
        .isEqualTo(
            "line 3 | line 4 | line 5 | line 6 | line 7 | line 8 | line 9 | [0.2s][error][cds] line 10");
    assertThat(ClassDataArchiver.failure("making the archive", 134, tail))
        .isEqualTo(
            "making the archive: the child JVM exited with code 134; its last lines: " + tail)
        .doesNotContain("\n");
    assertThat(ClassDataArchiver.failure("checking the archive", 1, ""))
        .isEqualTo("checking the archive: the child JVM exited with code 1 and printed nothing");
  }

  @Test
  void the_workload_runs_on_defaults_that_send_nothing_and_never_ask_the_model() {
    GymOpsConfig config =
        ConfigLoader.parse(ConfigLoader.exampleYaml(), Map.of(), ZoneId.of("UTC"));

    assertThat(config.database().jdbcUrl()).isEmpty();
    assertThat(config.messaging().smsProvider()).isEqualTo("log");
    assertThat(config.messaging().emailProvider()).isEqualTo("log");
    assertThat(config.door().system()).isEqualTo("builtin");
    assertThat(config.clubSystem().system()).isEqualTo("local");
    assertThat(config.agent().key()).isEmpty();
    assertThat(CdsWorkload.steps())
        .filteredOn(step -> step.get(0).equals("run"))
        .isNotEmpty()
        .allSatisfy(step -> assertThat(String.join(" ", step)).contains("--mode rules"));
  }

  private static CodeSource source(Path location) {
    try {
      return new CodeSource(location.toUri().toURL(), (Certificate[]) null);
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
