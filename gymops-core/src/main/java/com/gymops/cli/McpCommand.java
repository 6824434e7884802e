package com.gymops.cli;

import com.gymops.adapter.mcp.McpStdioServer;
import com.gymops.app.GymOpsApp;
import com.gymops.application.care.Actor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = {
      "Serve GymOps' tools to an MCP client (Claude Desktop ...) over standard input and output,"
          + " as the API token in $GYMOPS_TOKEN: its club only, its name in the audit log.",
      "The read tools show members, runs, approvals, the schedule and today's figures; the"
          + " request_* tools only file approvals, which a person decides (docs/ASK.md).",
      "Create a token with: gymops tokens create --club ID --name NAME"
    })
final class McpCommand implements Callable<Integer> {
  static final String TOKEN = "GYMOPS_TOKEN";

  @ParentCommand GymOpsCommand root;

  @Override
  public Integer call() throws InterruptedException {
    String secret = root.environment().variable(TOKEN);
    if (secret == null) {
      throw new UserError(
          "set $"
              + TOKEN
              + " to an API token's secret (gymops tokens create --club ID --name NAME)");
    }
    try (GymOpsApp app = root.openApp(root.dataDir())) {
      Actor actor =
          app.apiAccess()
              .authenticate(secret.strip())
              .orElseThrow(
                  () -> new UserError("$" + TOKEN + " is not a valid, unrevoked API token"));
      // Standard output is the protocol's: nothing else may be printed on it.
      McpStdioServer.serve(
          app.askTools(), actor, GymOpsApp.version(), root.environment().stdin(), System.out);
    }
    return 0;
  }
}
