package com.gymops.cli;

/** Entry point of {@code gymops.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.commandLine(CliEnvironment.system()).execute(args));
  }
}
