package com.gymops.cli;

import com.gymops.adapter.config.ConfigLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Write a commented example configuration listing every setting and its default.")
final class InitCommand implements Callable<Integer> {
  @ParentCommand GymOpsCommand root;
  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Where to write it (default: ${DEFAULT-VALUE}).",
      defaultValue = GymOpsCommand.DEFAULT_CONFIG_FILE)
  Path output;

  @Option(names = "--force", description = "Overwrite an existing file.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    Path target = root.resolve(output);
    if (Files.exists(target) && !force) {
      throw new UserError(target + " already exists; use --force to overwrite it");
    }
    Path parent = target.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(target, ConfigLoader.exampleYaml(), StandardCharsets.UTF_8);
    spec.commandLine()
        .getOut()
        .println(
            "Wrote " + target + ": every setting with its default; edit what your club needs.");
    return 0;
  }
}
