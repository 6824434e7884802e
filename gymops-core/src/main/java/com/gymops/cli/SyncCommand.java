package com.gymops.cli;

import com.gymops.app.GymOpsApp;
import com.gymops.application.port.ClubSystemException;
import com.gymops.application.sync.ClubPull;
import com.gymops.domain.ClubId;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Pull members, prospects and balances from the club system now (club_system.system),"
          + " as serve does every 15 minutes, and report what changed.",
      "The club system is read as its API allows (ClubHub, ABC Evo: every club, whole); --club limits"
          + " the doors opened for paid-up members and the report to one club.",
      "Exits 1 when the club system cannot be read, 0 otherwise (skipped records are listed)."
    })
final class SyncCommand implements Callable<Integer> {
  @ParentCommand GymOpsCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--club", paramLabel = "ID", description = "Only this club's doors and report.")
  String club;

  @Override
  public Integer call() {
    try (GymOpsApp app = root.openApp(root.dataDir())) {
      if (app.config().clubSystem().system().equals("local")) {
        throw new UserError(
            "club_system.system is local: members come from `gymops import`, nothing to pull");
      }
      List<ClubId> clubs =
          club == null
              ? app.config().clubs().stream().map(settings -> settings.club().id()).toList()
              : List.of(ClubChoice.resolve(app.config(), club));
      PrintWriter out = spec.commandLine().getOut();
      ClubPull.Report report;
      try {
        report = app.clubPull().now(clubs);
      } catch (ClubSystemException e) {
        spec.commandLine().getErr().println("Club system pull failed: " + e.getMessage());
        return 1;
      }
      out.printf(
          "Pulled from %s: %d members merged, %d skipped%n",
          app.config().clubSystem().system(),
          report.pull().merged(),
          report.pull().problems().size());
      report.pull().problems().forEach(problem -> out.println("  skipped " + problem));
      report
          .doorsOpened()
          .forEach(
              (id, opened) ->
                  out.printf(
                      "Club %s: %d paid-up members' doors evaluated after the pull%n", id, opened));
      return 0;
    }
  }
}
