package com.gymops.cli;

import com.gymops.application.run.RunReport;
import com.gymops.application.run.SummaryText;
import com.gymops.domain.Plural;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A run report as a gym manager reads it: the specification's summary first, then what was done.
 */
public final class ReportText {
  private static final int ROWS_SHOWN = 10;
  private static final java.util.regex.Pattern AMOUNT =
      java.util.regex.Pattern.compile("[0-9]+\\.[0-9]{2}");

  private ReportText() {}

  public static void print(RunReport report, PrintWriter out) {
    out.printf(
        "%s for club %s at %s%s: %s%n",
        report.workflow(),
        report.club(),
        report.at(),
        report.dryRun() ? " (dry run: nothing was changed)" : "",
        report.status().name().toLowerCase(Locale.ROOT));
    out.printf("  run %s, mode %s%n", report.runId(), report.modeUsed());
    if (report.agent() != null) {
      var agent = report.agent();
      var llm = agent.llm();
      if (!agent.modelAsked() && !agent.fellBack()) {
        out.println("  agent: the model was not asked, " + agent.review());
      } else {
        out.printf(
            "  agent: %sstopped by %s; %d LLM requests, %d input tokens (%d read from the"
                + " cache), %d output tokens, $%.4f%n",
            agent.review() == null ? "" : agent.review() + "; ",
            agent.stopReason(),
            llm.requests(),
            llm.inputTokens(),
            llm.cacheReadInputTokens(),
            llm.outputTokens(),
            llm.costUsd());
      }
      if (agent.fellBack()) {
        out.println("  the rules completed the run: " + agent.fallbackReason());
      }
      agent
          .held()
          .forEach(
              h ->
                  out.printf(
                      "  held %s (%s): %s%n",
                      h.memberId(), Plural.of(h.actions(), "action", "actions"), h.reason()));
      agent
          .guardBlocks()
          .forEach(
              b ->
                  out.printf(
                      "  refused %s%s: %s%n",
                      b.tool(), b.memberId() == null ? "" : " for " + b.memberId(), b.reason()));
    }
    if (report.shadow() != null) {
      var shadow = report.shadow();
      out.printf(
          "  shadow: of %d planned actions the agent would execute %d, hold %d, leave %d%n",
          shadow.rulesActions(),
          shadow.agentWouldExecute(),
          shadow.agentWouldHold(),
          shadow.agentWouldLeave());
    }
    for (SummaryText.Line line : SummaryText.lines(report.summary(), report.dryRun())) {
      printLine(out, line);
    }
    Map<String, Long> byAction =
        report.actions().stream()
            .collect(
                Collectors.groupingBy(
                    action ->
                        AMOUNT.matcher(action.detail()).matches()
                            ? action.action()
                            : action.action() + " " + action.detail(),
                    TreeMap::new,
                    Collectors.counting()));
    out.printf(
        "  %-26s %d%s%n",
        "actions", report.actions().size(), byAction.isEmpty() ? "" : "  " + join(byAction));
    if (!report.outcomes().isEmpty()) {
      out.printf("  %-26s %s%n", "outcomes", join(report.outcomes()));
    }
    if (!report.skipped().isEmpty()) {
      out.printf("  %-26s %s%n", "left alone", join(report.skipped()));
    }
    for (String file : report.files()) {
      out.printf("  %-26s %s%n", "report file", file);
    }
    if (report.error() != null) {
      out.printf("  %-26s %s%n", "error", report.error());
    }
  }

  /** A figure; the rows behind it (a header, then the first {@value #ROWS_SHOWN}) below it. */
  static void printLine(PrintWriter out, SummaryText.Line line) {
    out.printf("  %-26s %s%n", line.label(), line.value());
    List<String> table = line.table();
    if (table.isEmpty()) {
      return;
    }
    table.stream().limit(ROWS_SHOWN + 1L).forEach(row -> out.printf("      %s%n", row));
    int rows = table.size() - 1;
    if (rows > ROWS_SHOWN) {
      out.printf("      ... and %d more%n", rows - ROWS_SHOWN);
    }
  }

  private static String join(Map<?, ?> map) {
    return map.entrySet().stream()
        .map(entry -> entry.getKey().toString().replace('_', ' ') + " " + format(entry.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static String format(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
    if (value instanceof Map<?, ?> map) {
      return "{" + join(map) + "}";
    }
    return String.valueOf(value);
  }
}
