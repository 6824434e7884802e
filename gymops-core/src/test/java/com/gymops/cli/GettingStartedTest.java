package com.gymops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * docs/GETTING-STARTED.md as written: every file its {@code sh} blocks write and every {@code
 * gymops} command they run, in order, in a directory of the test's. A line of those blocks that is
 * neither is a failure, so the guide cannot drift into commands nobody ran.
 */
class GettingStartedTest {
  private static final Path GUIDE = Path.of("..", "docs", "GETTING-STARTED.md");
  private static final Path UNIT = Path.of("..", "deploy", "gymops.service");
  private static final Pattern HEREDOC = Pattern.compile("cat > (\\S+) <<'EOF'");
  private static final Pattern PIPED = Pattern.compile("echo '([^']*)' \\| (gymops .*)");

  @TempDir Path club;

  @Test
  void every_command_of_the_guide_runs_as_written_and_succeeds() throws IOException {
    List<String> lines = shLines(Files.readString(GUIDE, StandardCharsets.UTF_8));
    List<String> ran = new ArrayList<>();
    Map<String, String> outputs = new java.util.LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      Matcher heredoc = HEREDOC.matcher(line);
      Matcher piped = PIPED.matcher(line);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      } else if (heredoc.matches()) {
        StringBuilder content = new StringBuilder();
        for (i++; !lines.get(i).equals("EOF"); i++) {
          content.append(lines.get(i)).append('\n');
        }
        Files.writeString(club.resolve(heredoc.group(1)), content);
      } else if (piped.matches()) {
        CliRun run = CliRun.withStdin(club, Map.of(), piped.group(1) + "\n", words(piped.group(2)));
        assertThat(run.exitCode()).as(line + "\n" + run.err()).isZero();
        ran.add(line);
      } else if (line.startsWith("gymops ")) {
        CliRun run = CliRun.withStdin(club, Map.of(), "", words(line));
        assertThat(run.exitCode()).as(line + "\n" + run.out() + run.err()).isZero();
        ran.add(line);
        outputs.put(line, run.out());
      } else {
        throw new AssertionError("the guide runs a command this test cannot: " + line);
      }
    }

    assertThat(ran).hasSizeGreaterThanOrEqualTo(10);
    assertThat(outputs.get("gymops doctor")).contains("ok    time zones     north America/Chicago");
    assertThat(outputs.get("gymops members show M1001")).contains("Ana Lopez", "120.00");
    assertThat(club.resolve("north-backup.db")).isRegularFile();
  }

  @Test
  void the_service_unit_runs_serve_with_options_gymops_has() throws IOException {
    String exec =
        Files.readAllLines(UNIT).stream()
            .filter(line -> line.startsWith("ExecStart="))
            .findFirst()
            .orElseThrow();
    String afterJar = exec.substring(exec.indexOf("gymops.jar") + "gymops.jar".length()).strip();

    CommandLine.ParseResult parsed =
        Cli.commandLine(CliEnvironment.system()).parseArgs(words(afterJar));

    assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("serve");
    assertThat(parsed.matchedOptionValue("--data", (Path) null))
        .isEqualTo(Path.of("/srv/gymops/gymops-data"));
  }

  /** The lines of the guide's {@code sh} blocks, in order. */
  private static List<String> shLines(String markdown) {
    List<String> lines = new ArrayList<>();
    boolean inside = false;
    for (String line : markdown.split("\n", -1)) {
      if (!inside && line.equals("```sh")) {
        inside = true;
      } else if (inside && line.equals("```")) {
        inside = false;
      } else if (inside) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** A command's words after "gymops"; the guide quotes no word, so spaces split them. */
  private static String[] words(String command) {
    String[] all = command.strip().split("\\s+");
    return all[0].equals("gymops") ? java.util.Arrays.copyOfRange(all, 1, all.length) : all;
  }
}
