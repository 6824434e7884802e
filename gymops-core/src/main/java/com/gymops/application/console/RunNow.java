package com.gymops.application.console;

import com.gymops.application.care.Actor;
import com.gymops.application.care.Audit;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunReport;
import com.gymops.application.run.RunRequest;
import com.gymops.application.run.WorkflowRunner;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleUser;
import com.gymops.domain.WorkflowId;
import java.time.Clock;
import java.util.Locale;

/**
 * "Run now" from the console: a dry run first, whose thread the manager reads, then the real run on
 * confirmation. Both go through the one {@link WorkflowRunner}, in the configured agent mode, like
 * a scheduled fire.
 */
public final class RunNow {
  private final WorkflowRunner runner;
  private final GymOpsConfig config;
  private final Audit audit;
  private final Clock clock;

  public RunNow(WorkflowRunner runner, GymOpsConfig config, Audit audit, Clock clock) {
    this.runner = runner;
    this.audit = audit;
    this.config = config;
    this.clock = clock;
  }

  /** Runs the workflow as a dry run and returns the run's id. */
  public String preview(ConsoleUser user, ClubId club, WorkflowId workflow) {
    return start(user, club, workflow, true);
  }

  /** Runs the workflow for real and returns the run's id. */
  public String run(ConsoleUser user, ClubId club, WorkflowId workflow) {
    return start(user, club, workflow, false);
  }

  private String start(ConsoleUser user, ClubId named, WorkflowId workflow, boolean dryRun) {
    // The configuration's spelling, which every store and scope check compares by.
    ClubId club =
        config
            .club(named)
            .map(settings -> settings.club().id())
            .orElseThrow(
                () -> new ConsoleDenied("no club " + named.value() + " in the configuration"));
    Actor actor = ConsoleActions.actorFor(user, club);
    RunMode mode = RunMode.valueOf(config.agent().mode().toUpperCase(Locale.ROOT));
    RunReport report = runner.run(new RunRequest(workflow, club, mode, dryRun, clock.instant()));
    audit.record(
        actor,
        club,
        dryRun ? "run-preview" : "run-now",
        "workflow:" + workflow.id(),
        null,
        "run " + report.runId() + ": " + report.status().name().toLowerCase(Locale.ROOT),
        null);
    return report.runId();
  }
}
