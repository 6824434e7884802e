package com.gymops.cli;

import com.gymops.app.GymOpsApp;
import com.gymops.application.accounts.ApiAccess;
import com.gymops.domain.ApiToken;
import com.gymops.domain.ClubId;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "tokens",
    mixinStandardHelpOptions = true,
    description =
        "List the bearer tokens of the JSON API and the MCP server (never their secrets); create"
            + " or revoke one.",
    subcommands = {TokensCommand.Create.class, TokensCommand.Revoke.class})
final class TokensCommand implements Callable<Integer> {
  @ParentCommand GymOpsCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (GymOpsApp app = root.openApp(root.dataDir())) {
      if (app.apiAccess().all().isEmpty()) {
        out.println("no tokens; create one with: gymops tokens create --name NAME");
      }
      for (ApiToken token : app.apiAccess().all()) {
        out.printf(
            "%-24s %-12s created %s%s%n",
            token.name(),
            token.club() == null ? "every club" : token.club().value(),
            token.createdAt(),
            token.revoked() ? ", revoked " + token.revokedAt() : "");
      }
    }
    out.flush();
    return 0;
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a token; its secret is printed once and stored only as a hash.")
  static final class Create implements Callable<Integer> {
    @ParentCommand TokensCommand parent;
    @Spec CommandSpec spec;

    @Option(
        names = "--name",
        required = true,
        paramLabel = "NAME",
        description = "Who uses it; the audit log names its writes after it.")
    String name;

    @Option(names = "--club", paramLabel = "ID", description = "Limit it to one club.")
    String club;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (GymOpsApp app = parent.root.openApp(parent.root.dataDir())) {
        ClubId clubId = club == null ? null : ClubChoice.resolve(app.config(), club);
        ApiAccess.Created created;
        try {
          created = app.apiAccess().create(name, clubId);
        } catch (IllegalArgumentException e) {
          throw new UserError(e.getMessage(), e);
        }
        out.println(created.secret());
        spec.commandLine()
            .getErr()
            .println(
                "token '"
                    + created.token().name()
                    + "' created; the line above is its secret, shown this once:"
                    + " send it as 'Authorization: Bearer SECRET'");
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token.")
  static final class Revoke implements Callable<Integer> {
    @ParentCommand TokensCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The token's name.")
    String name;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (GymOpsApp app = parent.root.openApp(parent.root.dataDir())) {
        app.apiAccess().revoke(name);
        out.println("token '" + name + "' revoked");
      }
      out.flush();
      return 0;
    }
  }
}
