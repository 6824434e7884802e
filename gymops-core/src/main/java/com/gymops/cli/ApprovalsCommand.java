package com.gymops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.gymops.app.GymOpsApp;
import com.gymops.application.care.Actor;
import com.gymops.application.care.ApprovalJson;
import com.gymops.application.care.Approvals;
import com.gymops.domain.Approval;
import com.gymops.domain.ClubId;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "approvals",
    mixinStandardHelpOptions = true,
    description = {
      "List what waits for a manager's approval: locks the breaker withheld, an agent's holds.",
      "Approve executes the covered actions once, checked against each member's state now;"
          + " deny or the timeout (approvals.timeout) executes nothing."
    },
    subcommands = {ApprovalsCommand.Approve.class, ApprovalsCommand.Deny.class})
final class ApprovalsCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @ParentCommand GymOpsCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--club", paramLabel = "ID", description = "Only this club.")
  String club;

  @Option(
      names = "--status",
      paramLabel = "pending|all",
      defaultValue = "pending",
      description = "Which approvals (default: ${DEFAULT-VALUE}).")
  String status;

  @Option(names = "--json", description = "Print a JSON array.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (!status.equals("pending") && !status.equals("all")) {
      throw new UserError("--status must be pending or all, not '" + status + "'");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (GymOpsApp app = root.openExisting()) {
      ClubId clubId = club == null ? null : ClubChoice.resolve(app.config(), club);
      List<Approval> approvals =
          app.approvals().list(Actor.person("cli"), clubId, status.equals("pending"));
      if (json) {
        out.println(JSON.writeValueAsString(ApprovalJson.list(approvals)));
      } else if (approvals.isEmpty()) {
        out.println(status.equals("pending") ? "no pending approvals" : "no approvals");
      } else {
        for (Approval approval : approvals) {
          out.printf(
              "%s  %-8s %-16s %-8s %s (expires %s)%n",
              approval.id(),
              approval.clubId(),
              approval.kind().code(),
              approval.status().code(),
              approval.summary(),
              approval.expiresAt());
        }
      }
    }
    out.flush();
    return 0;
  }

  @Command(
      name = "approve",
      mixinStandardHelpOptions = true,
      description = "Approve and execute the covered actions (exit 1 when not pending).")
  static final class Approve implements Callable<Integer> {
    @ParentCommand ApprovalsCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The approval, as listed.")
    String id;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who decides.")
    String by;

    @Option(names = "--json", description = "Print the approval after execution as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      try (GymOpsApp app = parent.root.openExisting()) {
        Approvals.Decision decision = app.approvals().approve(Actor.person(by), id);
        if (json) {
          out.println(JSON.writeValueAsString(ApprovalJson.of(decision.approval())));
        } else {
          out.println(id + " approved by " + by + ": " + decision.note());
        }
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "deny",
      mixinStandardHelpOptions = true,
      description = "Deny: nothing covered is executed (exit 1 when not pending).")
  static final class Deny implements Callable<Integer> {
    @ParentCommand ApprovalsCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The approval, as listed.")
    String id;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who decides.")
    String by;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the record.")
    String reason;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (GymOpsApp app = parent.root.openExisting()) {
        app.approvals().deny(Actor.person(by), id, reason);
        out.println(id + " denied by " + by + "; nothing was executed");
      }
      out.flush();
      return 0;
    }
  }
}
