package com.gymops.cli;

import com.gymops.app.GymOpsApp;
import com.gymops.application.care.DailySummaries;
import com.gymops.config.ClubSettings;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    description = {
      "Print the manager's daily summary without sending it: what ran, texts sent, locks and"
          + " unlocks, money collected, pending approvals.",
      "serve sends it once per club and club-day at notifications.daily_summary_at (18:00"
          + " club time; off turns it off)."
    })
final class SummaryCommand implements Callable<Integer> {
  @ParentCommand GymOpsCommand root;
  @Spec CommandSpec spec;

  @Option(
      names = "--club",
      paramLabel = "ID",
      description = "Only this club (default: every configured club).")
  String club;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description =
          "The club-local day (default: today; a day still running is summarised so far).")
  String date;

  @Override
  public Integer call() {
    LocalDate day = null;
    if (date != null) {
      try {
        day = LocalDate.parse(date.trim());
      } catch (DateTimeParseException e) {
        throw new UserError("--date '" + date + "' is not a date (YYYY-MM-DD)", e);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    try (GymOpsApp app = root.openExisting()) {
      List<ClubSettings> clubs =
          club == null
              ? app.config().clubs()
              : List.of(app.config().club(ClubChoice.resolve(app.config(), club)).orElseThrow());
      DailySummaries summaries = app.summaries();
      for (ClubSettings settings : clubs) {
        LocalDate of = day != null ? day : summaries.today(settings);
        DailySummaries.Summary summary = summaries.preview(settings, of);
        // As the manager reads it, behind the club's name (the manager_summary template).
        out.println(settings.club().name() + ": " + summary.text());
      }
    }
    out.flush();
    return 0;
  }
}
