package com.gymops.cli;

import com.gymops.app.GymOpsApp;
import com.gymops.application.care.Actor;
import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowPause;
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
    name = "workflows",
    mixinStandardHelpOptions = true,
    description = "List paused workflows; pause or resume one (the scheduler honours it at once).",
    subcommands = {WorkflowsCommand.Pause.class, WorkflowsCommand.Resume.class})
final class WorkflowsCommand implements Callable<Integer> {
  @ParentCommand GymOpsCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (GymOpsApp app = root.openExisting()) {
      List<WorkflowPause> paused = app.pauses().all();
      if (paused.isEmpty()) {
        out.println("no workflow is paused");
      }
      for (WorkflowPause pause : paused) {
        out.printf(
            "%-24s %-12s paused by %s at %s%n",
            pause.workflow().id(),
            pause.club() == null ? "every club" : pause.club().value(),
            pause.by(),
            pause.at());
      }
    }
    out.flush();
    return 0;
  }

  /** Pause and resume share the workflow, the club and the actor. */
  abstract static class Change implements Callable<Integer> {
    @ParentCommand WorkflowsCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "WORKFLOW", description = "One of the six workflow ids.")
    String workflow;

    @Option(
        names = "--club",
        paramLabel = "ID",
        description = "Only this club (default: every club).")
    String club;

    @Option(names = "--by", paramLabel = "NAME", description = "Who acts, for the audit log.")
    String by;

    @Override
    public final Integer call() {
      WorkflowId id;
      try {
        id = WorkflowId.fromId(workflow);
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      try (GymOpsApp app = parent.root.openExisting()) {
        ClubId clubId = club == null ? null : ClubChoice.resolve(app.config(), club);
        String scope = clubId == null ? "every club" : "club " + clubId;
        out.println(apply(app, Actor.person(actor()), id, clubId, scope));
      }
      out.flush();
      return 0;
    }

    abstract String apply(GymOpsApp app, Actor actor, WorkflowId id, ClubId club, String scope);

    private String actor() {
      if (by != null && !by.isBlank()) {
        return by.strip();
      }
      String user = parent.root.environment().variable("USER");
      return user == null || user.isBlank() ? "cli" : user;
    }
  }

  @Command(
      name = "pause",
      mixinStandardHelpOptions = true,
      description = "Skip the workflow's scheduled fires until resumed.")
  static final class Pause extends Change {
    @Override
    String apply(GymOpsApp app, Actor actor, WorkflowId id, ClubId club, String scope) {
      return app.pauses().pause(actor, id, club)
          ? id + " paused for " + scope
          : id + " was paused already for " + scope;
    }
  }

  @Command(
      name = "resume",
      mixinStandardHelpOptions = true,
      description = "Run the workflow's scheduled fires again (missed fires are not caught up).")
  static final class Resume extends Change {
    @Override
    String apply(GymOpsApp app, Actor actor, WorkflowId id, ClubId club, String scope) {
      if (!app.pauses().resume(actor, id, club)) {
        throw new UserError(id + " is not paused for " + scope);
      }
      return id + " resumed for " + scope;
    }
  }
}
