package com.gymops.cli;

import com.gymops.app.GymOpsApp;
import com.gymops.application.care.NotFoundException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Builds the {@code gymops} command line with its error handling. */
public final class Cli {
  public static final int EXIT_FAILURE = 1;

  private Cli() {}

  /**
   * @param more commands beyond the product's own, such as the bench module's {@code bench} and
   *     {@code drill}
   */
  public static CommandLine commandLine(CliEnvironment environment, Object... more) {
    CommandLine commandLine = new CommandLine(new GymOpsCommand(environment));
    for (Object command : more) {
      commandLine.addSubcommand(command);
    }
    commandLine.setExecutionExceptionHandler(new OneLineErrors(environment));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }

  /**
   * A failure is one line a gym manager can act on; the stack trace only with GYMOPS_DEBUG set,
   * since it helps an engineer and frightens everyone else.
   */
  private record OneLineErrors(CliEnvironment environment) implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
      PrintWriter err = command.getErr();
      String message =
          GymOpsApp.diskProblem(e)
              .orElseGet(
                  () ->
                      e.getMessage() != null && !(e instanceof NullPointerException)
                          ? e.getMessage()
                          : "unexpected "
                              + e.getClass().getSimpleName()
                              + " (set GYMOPS_DEBUG=1 for details)");
      if (e instanceof NotFoundException
          && command.getCommandSpec().root().userObject() instanceof GymOpsCommand root) {
        message += " in " + root.dataLocation();
      }
      err.println(command.getCommandSpec().qualifiedName() + ": " + message);
      if (environment.variable("GYMOPS_DEBUG") != null) {
        e.printStackTrace(err);
      }
      err.flush();
      return EXIT_FAILURE;
    }
  }
}
