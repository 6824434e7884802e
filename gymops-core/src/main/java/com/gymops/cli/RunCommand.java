package com.gymops.cli;

import com.gymops.app.GymOpsApp;
import com.gymops.application.run.RunInProgressException;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunReport;
import com.gymops.application.run.RunReportJson;
import com.gymops.application.run.RunRequest;
import com.gymops.config.AgentSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.ClubId;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run one workflow for one club now (or at --at) and report what it did.",
      "Workflows: daily-campaigns, past-due-monitoring, collections-escalation,"
          + " collections-referral, batch-invoices, door-access."
    },
    footer = {
      "",
      "Exit codes: 0 the run succeeded; 1 it failed, some actions failed, or another run of the"
          + " same workflow and club is in progress."
    })
final class RunCommand implements Callable<Integer> {
  @ParentCommand GymOpsCommand root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "WORKFLOW", description = "The workflow id.")
  String workflow;

  @Option(names = "--club", paramLabel = "ID", description = "The club (default: the only one).")
  String club;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description =
          "rules, agent (a Claude model works inside the rules) or shadow (the agent in dry-run"
              + " beside the rules, compared in the report). Default: config agent.mode, which"
              + " is agent when ANTHROPIC_API_KEY is set, else rules.")
  String mode;

  @Option(names = "--dry-run", description = "Plan and report, change nothing.")
  boolean dryRun;

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description = "The instant the rules treat as now, e.g. 2026-12-01T12:00:00Z (default: now).")
  Instant at;

  @Option(names = "--json", description = "Print the JSON report instead of text.")
  boolean json;

  @Override
  public Integer call() {
    WorkflowId id;
    try {
      id = WorkflowId.fromId(workflow);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
    if (mode != null && !AgentSettings.MODES.contains(mode)) {
      throw new UserError("mode '" + mode + "' is not one of rules, agent, shadow");
    }
    try (GymOpsApp app = root.openApp(root.dataDir())) {
      GymOpsConfig config = app.config();
      RunMode runMode =
          RunMode.valueOf(
              (mode != null ? mode : config.agent().mode()).toUpperCase(java.util.Locale.ROOT));
      if (runMode != RunMode.RULES) {
        app.modelWarning()
            .ifPresent(warning -> spec.commandLine().getErr().println("warning: " + warning));
      }
      ClubId clubId = ClubChoice.resolve(config, club);
      Instant now = at != null ? at : app.clock().instant();
      RunReport report;
      try {
        report = app.runner().run(new RunRequest(id, clubId, runMode, dryRun, now));
      } catch (RunInProgressException e) {
        throw new UserError(e.getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(RunReportJson.write(report));
      } else {
        ReportText.print(report, out);
      }
      out.flush();
      return report.status() == RunStatus.SUCCEEDED ? 0 : Cli.EXIT_FAILURE;
    }
  }
}
