package com.gymops.cli;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.app.GymOpsApp;
import com.gymops.config.ConfigException;
import com.gymops.config.GymOpsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(
    name = "gymops",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "GymOps runs a gym club's daily operations: marketing texts, past-due reminders, door"
          + " locks, collections and invoices, within the club's rules.",
      ""
    },
    subcommands = {
      InitCommand.class,
      ImportCommand.class,
      SyncCommand.class,
      DemoCommand.class,
      RunCommand.class,
      RunsCommand.class,
      DispatchCommand.class,
      ScheduleCommand.class,
      ServeCommand.class,
      DoctorCommand.class,
      BackupCommand.class,
      UsersCommand.class,
      CdsCommand.class,
      MembersCommand.class,
      WorkflowsCommand.class,
      TokensCommand.class,
      McpCommand.class,
      ApprovalsCommand.class,
      SummaryCommand.class
    },
    footer = {
      "",
      "Configuration: --config FILE, else $GYMOPS_CONFIG, else ./gymops.yml if present, else"
          + " defaults (one club 'main' in this machine's time zone).",
      "Data: --data DIR, else $GYMOPS_DATA, else ./gymops-data (embedded database, logs,"
          + " reports)."
    })
public final class GymOpsCommand {
  static final String DEFAULT_CONFIG_FILE = "gymops.yml";
  static final String DEFAULT_DATA_DIR = "gymops-data";

  private final CliEnvironment environment;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "Configuration file (YAML).")
  Path configFile;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description = "Data directory: embedded database, message log, reports.")
  Path dataDir;

  GymOpsCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  public CliEnvironment environment() {
    return environment;
  }

  public Path dataDir() {
    if (dataDir != null) {
      return resolve(dataDir);
    }
    String fromEnvironment = environment.variable("GYMOPS_DATA");
    return resolve(Path.of(fromEnvironment != null ? fromEnvironment : DEFAULT_DATA_DIR));
  }

  /** The config file in effect, if any: explicit, from the environment, or ./gymops.yml. */
  public Optional<Path> configFile() {
    if (configFile != null) {
      return Optional.of(resolve(configFile));
    }
    String fromEnvironment = environment.variable("GYMOPS_CONFIG");
    if (fromEnvironment != null) {
      return Optional.of(resolve(Path.of(fromEnvironment)));
    }
    Path implicit = environment.workingDirectory().resolve(DEFAULT_CONFIG_FILE);
    return Files.isRegularFile(implicit) ? Optional.of(implicit) : Optional.empty();
  }

  public GymOpsConfig loadConfig() {
    try {
      return ConfigLoader.load(configFile(), environment.variables(), environment.systemZone());
    } catch (ConfigException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  /**
   * Opens the data for a command that reads or changes what is already there: refuses, naming the
   * directory it looked in, when there is none, instead of creating an empty one and answering
   * "nothing found".
   */
  public GymOpsApp openExisting() {
    GymOpsConfig config = loadConfig();
    Path directory = dataDir();
    if (!GymOpsApp.hasData(config, directory)) {
      throw new UserError(
          "no GymOps data in "
              + directory
              + ": pass --data DIR or set GYMOPS_DATA to the directory 'gymops demo' or"
              + " 'gymops import' filled");
    }
    return GymOpsApp.open(config, directory, environment.clock());
  }

  /** Where this command line's data lives, as an error message names it. */
  public String dataLocation() {
    return loadConfig().database().jdbcUrl().isPresent()
        ? "the configured PostgreSQL database"
        : dataDir().toString();
  }

  public GymOpsApp openApp(Path dataDirectory) {
    return GymOpsApp.open(loadConfig(), dataDirectory, environment.clock());
  }

  public Path resolve(Path path) {
    return environment.workingDirectory().resolve(path).normalize();
  }
}
