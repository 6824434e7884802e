package com.gymops.bench;

import java.util.Locale;

/** The report as text for a person: one block per scenario, the baseline beside each figure. */
public final class BenchTable {
  private BenchTable() {}

  public static String of(BenchReport report) {
    StringBuilder text = new StringBuilder();
    Machine machine = report.machine();
    line(
        text,
        "gymops bench, %s: %d members, seed %d, %d warm-up(s), %d repetition(s), %.1f s in all",
        report.startedAt(),
        report.settings().members(),
        report.settings().seed(),
        report.settings().warmups(),
        report.settings().repetitions(),
        report.totalSeconds());
    line(
        text,
        "machine: %d cores, %d MB memory, %d MB max heap, %s %s, %s",
        machine.cores(),
        machine.physicalMemoryMb(),
        machine.maxHeapMb(),
        machine.jvm(),
        machine.javaVersion(),
        machine.os());
    if (report.rules() != null) {
      RulesFigures rules = report.rules();
      line(text, "");
      line(
          text,
          "rules: %s for %d members%s (%d past due): %d actions, %d outbox rows",
          String.join(" + ", rules.workflows()),
          rules.members(),
          rules.clubs() == 1 ? "" : " in " + rules.clubs() + " clubs, each club in turn",
          rules.pastDueMembers(),
          rules.actions(),
          rules.outboxRows());
      line(text, "  %-10s %10s %10s %10s %8s", "", "median s", "min s", "max s", "spread");
      timing(text, "run", rules.run());
      timing(text, "baseline", rules.baseline());
      timing(text, "fair floor", rules.floor());
      line(
          text,
          "  ratio to the fair floor %.2f (goal <= 1.3); floor rows: %d outbox, %d attempts, %d"
              + " notes, %d door changes, %d runs, %d run events",
          rules.ratioToFloor(),
          rules.rows().outbox(),
          rules.rows().attempts(),
          rules.rows().notes(),
          rules.rows().doorChanges(),
          rules.rows().runs(),
          rules.rows().events());
      line(
          text,
          "  the floor read %d members in scope and %d attempts of the members who owe",
          rules.floorReads().members(),
          rules.floorReads().attempts());
      line(
          text,
          "  ratio %.2f (goal <= 2), %.0f members/s, peak heap %d MB (baseline %d MB)",
          rules.ratio(),
          rules.membersPerSecond(),
          rules.runPeakHeapMb(),
          rules.baselinePeakHeapMb());
    }
    if (report.agent() != null) {
      AgentFigures agent = report.agent();
      line(text, "");
      line(
          text,
          "agent: past-due-monitoring, %s at $%.2f / $%.2f per MTok in / out, cache write $%.3f,"
              + " cache read $%.3f",
          agent.model(),
          agent.price().inputPerMillionTokens(),
          agent.price().outputPerMillionTokens(),
          agent.price().cacheWritePerMillionTokens(),
          agent.price().cacheReadPerMillionTokens());
      line(
          text,
          "  %-13s %9s %9s %12s %10s %12s %9s %s",
          "model",
          "past due",
          "requests",
          "input tok",
          "output tok",
          "req bytes",
          "cost $",
          "mode used");
      for (AgentFigures.Run run : agent.runs()) {
        line(
            text,
            "  %-13s %9d %9d %12d %10d %12d %9.4f %s (%s)",
            run.model(),
            run.pastDueMembers(),
            run.requests(),
            run.inputTokens(),
            run.outputTokens(),
            run.requestBytes(),
            run.costUsd(),
            run.modeUsed(),
            run.stopReason());
      }
      for (AgentFigures.Comparison comparison : agent.seedLiteralOverCompetent()) {
        line(
            text,
            "  seed-literal / competent at %d past due: requests x%.1f, input tokens x%.1f"
                + " (capped by the budget), cost x%.1f; uncapped input tokens %s (goal >= 100 at"
                + " 1,000)",
            comparison.pastDueMembers(),
            comparison.requests(),
            comparison.inputTokens(),
            comparison.cost(),
            comparison.uncappedInputTokens() == null
                ? "not projected (stopped while paging)"
                : String.format(Locale.ROOT, "x%.0f", comparison.uncappedInputTokens()));
      }
      line(
          text,
          "  competent requests, largest club / smallest: x%.2f (goal 1.0)",
          agent.competentRequestGrowth());
      for (AgentFigures.Month month : agent.month()) {
        line(
            text,
            "  month at %d members (%d days): %d runs, %d asked, %d requests, %d input tokens (%d"
                + " cache reads, %d cache writes), %d output tokens, $%.4f (goal <= $1.00 at"
                + " 2,000)",
            month.members(),
            month.days(),
            month.runs(),
            month.runsAsked(),
            month.requests(),
            month.inputTokens(),
            month.cachedInputTokens(),
            month.cacheWriteInputTokens(),
            month.outputTokens(),
            month.dollars());
      }
    }
    if (report.dispatch() != null) {
      DispatchFigures.Unthrottled free = report.dispatch().unthrottled();
      DispatchFigures.Throttled paced = report.dispatch().throttled();
      line(text, "");
      line(
          text,
          "dispatch: %d queued texts through the dispatcher and the Twilio adapter to a fake Twilio,"
              + " against the same POSTs made directly",
          free.messages());
      line(text, "  %-10s %10s %10s %10s %8s", "", "median s", "min s", "max s", "spread");
      timing(text, "run", free.run());
      timing(text, "baseline", free.baseline());
      line(
          text,
          "  ratio %.2f, %.0f texts/s (baseline %.0f texts/s), %d sent",
          free.ratio(),
          free.messagesPerSecond(),
          free.baselineMessagesPerSecond(),
          free.sent());
      line(
          text,
          "  throttled at %d/s: %d texts in %.2f s, %.2f/s achieved, %+.1f%% (goal within 5%%: %s)",
          paced.configuredPerSecond(),
          paced.sent(),
          paced.seconds(),
          paced.achievedPerSecond(),
          paced.deviationPercent(),
          paced.withinGoal() ? "met" : "not met");
    }
    if (report.startup() != null) {
      StartupFigures startup = report.startup();
      line(text, "");
      line(text, "startup: serve until /health answers, against the JVM printing --version");
      line(text, "  %-10s %10s %10s %10s %8s", "", "median s", "min s", "max s", "spread");
      timing(text, "serve", startup.serve());
      timing(text, "baseline", startup.jvmBaseline());
      line(text, "  ratio %.2f (goal: serve under 3 s)", startup.ratio());
    }
    if (report.console() != null) {
      ConsoleFigures console = report.console();
      line(text, "");
      line(
          text,
          "console: pages over HTTP for %d members, %d requests each after %d warm-ups",
          console.members(),
          console.requests(),
          console.warmups());
      line(
          text,
          "  %-45s %10s %10s %10s %6s %s",
          "page",
          "median ms",
          "p95 ms",
          "max ms",
          "goal",
          "status");
      for (ConsoleFigures.Page page : console.pages()) {
        line(
            text,
            "  %-45s %10.1f %10.1f %10.1f %6s %d",
            page.page(),
            page.medianMs(),
            page.p95Ms(),
            page.maxMs(),
            page.goalMs() == 0 ? "-" : "<" + page.goalMs(),
            page.status());
      }
    }
    if (report.payment() != null) {
      PaymentFigures payment = report.payment();
      line(text, "");
      line(
          text,
          "payment: Stripe's invoice.paid to the door system's unlock call on serve, %d members,"
              + " %d events after %d warm-ups",
          payment.members(),
          payment.events(),
          payment.warmups());
      line(
          text,
          "  median %.1f ms, p95 %.1f ms, max %.1f ms (goal: median under %d ms)",
          payment.medianMs(),
          payment.p95Ms(),
          payment.maxMs(),
          payment.goalMs());
    }
    if (report.message() != null) {
      MessageFigures message = report.message();
      line(text, "");
      line(
          text,
          "message: a one-off text to everyone, %d members, %d texts (the day's campaign: %d)",
          message.members(),
          message.texts(),
          message.campaignTexts());
      line(text, "  %-10s %10s %10s %10s %8s", "", "median s", "min s", "max s", "spread");
      timing(text, "ask", message.file());
      timing(text, "approve", message.approve());
      timing(text, "campaign", message.campaignRun());
      timing(text, "approve it", message.campaignApprove());
      line(
          text,
          "  per text: ask ÷ campaign run %.2f, approve ÷ approving the campaign %.2f",
          message.fileRatio(),
          message.approveRatio());
    }
    for (String missing : report.notMeasured()) {
      line(text, "");
      line(text, "not measured: %s", missing);
    }
    return text.toString();
  }

  private static void timing(StringBuilder text, String name, Timing timing) {
    line(
        text,
        "  %-10s %10.3f %10.3f %10.3f %7.0f%%",
        name,
        timing.medianSeconds(),
        timing.minSeconds(),
        timing.maxSeconds(),
        timing.spreadPercent());
  }

  private static void line(StringBuilder text, String format, Object... arguments) {
    text.append(String.format(Locale.ROOT, format, arguments)).append('\n');
  }
}
