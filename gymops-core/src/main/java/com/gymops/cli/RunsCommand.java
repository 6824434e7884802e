package com.gymops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.app.GymOpsApp;
import com.gymops.application.run.RunHistory;
import com.gymops.application.run.SummaryJson;
import com.gymops.application.run.SummaryText;
import com.gymops.domain.Plural;
import com.gymops.domain.RunEvent;
import com.gymops.domain.TranscriptEntry;
import com.gymops.domain.WorkflowRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "List the latest workflow runs, newest first.",
    subcommands = {RunsCommand.Show.class})
final class RunsCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @ParentCommand GymOpsCommand root;
  @Spec CommandSpec spec;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "How many runs (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (limit < 1) {
      throw new UserError("--limit must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (GymOpsApp app = root.openExisting()) {
      List<WorkflowRun> runs = app.runHistory().latest(limit);
      if (json) {
        ArrayNode array = JSON.createArrayNode();
        runs.forEach(run -> array.add(summary(run)));
        out.println(JSON.writeValueAsString(array));
      } else if (runs.isEmpty()) {
        out.println("No runs yet. Start one with: gymops run past-due-monitoring");
      } else {
        out.printf(
            "%-33s %-23s %-8s %-9s %-21s %s%n", "RUN", "WORKFLOW", "CLUB", "STATUS", "AT", "TOOK");
        for (WorkflowRun run : runs) {
          out.printf(
              "%-33s %-23s %-8s %-9s %-21s %s%n",
              run.runId(),
              run.workflow().id() + (run.dryRun() ? " (dry)" : ""),
              run.clubId(),
              run.status().name().toLowerCase(Locale.ROOT),
              run.clockAt(),
              took(run));
        }
      }
    }
    out.flush();
    return 0;
  }

  private static String took(WorkflowRun run) {
    if (run.finishedAt() == null) {
      return "-";
    }
    return Duration.between(run.startedAt(), run.finishedAt()).toMillis() + " ms";
  }

  private static ObjectNode summary(WorkflowRun run) {
    ObjectNode node = JSON.createObjectNode();
    node.put("run_id", run.runId());
    node.put("workflow", run.workflow().id());
    node.put("club_id", run.clubId().value());
    node.put("mode", run.mode());
    node.put("mode_used", run.modeUsed());
    node.put("dry_run", run.dryRun());
    node.put("status", run.status().name().toLowerCase(Locale.ROOT));
    node.put("at", run.clockAt().toString());
    node.put("started_at", run.startedAt().toString());
    node.put("finished_at", run.finishedAt() == null ? null : run.finishedAt().toString());
    return node;
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show one run: its report and one line per action with rule and outcome.")
  static final class Show implements Callable<Integer> {
    @ParentCommand RunsCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "RUN_ID", description = "The run, as listed by 'gymops runs'.")
    String runId;

    @Option(names = "--json", description = "Print the stored JSON report with its events.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      try (GymOpsApp app = parent.root.openExisting()) {
        WorkflowRun run =
            app.runHistory()
                .find(runId)
                .orElseThrow(() -> new UserError("no run '" + runId + "'; see 'gymops runs'"));
        List<RunEvent> events = app.runHistory().events(runId);
        if (json) {
          ObjectNode node = summary(run);
          if (run.reportJson() != null) {
            JsonNode report = JSON.readTree(run.reportJson());
            // A report stored before the summaries said "queued" shows under today's keys.
            if (report instanceof ObjectNode stored) {
              SummaryJson.read(run.workflow(), stored.get("summary"))
                  .ifPresent(summary -> stored.set("summary", SummaryJson.write(summary)));
            }
            node.set("report", report);
          }
          RunHistory.MessageStates states =
              app.runHistory().messagesOf(runId, app.clock().instant());
          node.putObject("messages_now")
              .put("sent", states.sent())
              .put("logged", states.logged())
              .put("queued", states.queued())
              .put("deferred", states.deferred())
              .put("suppressed", states.suppressed())
              .put("failed", states.failed());
          ArrayNode array = node.putArray("events");
          for (RunEvent event : events) {
            ObjectNode item = array.addObject();
            item.put("seq", event.seq());
            item.put("member_id", event.memberId() == null ? null : event.memberId().value());
            item.put("action", event.action());
            item.put("detail", event.detail());
            item.put("rule", event.rule());
            item.set(
                "inputs", event.inputsJson() == null ? null : JSON.readTree(event.inputsJson()));
            item.put("outcome", event.outcome());
          }
          ArrayNode transcript = node.putArray("transcript");
          for (TranscriptEntry entry : app.runHistory().transcript(runId)) {
            transcript
                .addObject()
                .put("seq", entry.seq())
                .put("kind", entry.kind())
                .put("at", entry.recordedAt().toString())
                .set("body", JSON.readTree(entry.body()));
          }
          out.println(JSON.writeValueAsString(node));
        } else {
          out.printf(
              "%s  %s for club %s at %s: %s (%s)%n",
              run.runId(),
              run.workflow(),
              run.clubId(),
              run.clockAt(),
              run.status().name().toLowerCase(Locale.ROOT),
              took(run));
          if (run.error() != null) {
            out.println("  error: " + run.error());
          }
          SummaryJson.ofReport(run.workflow(), run.reportJson())
              .ifPresent(
                  summary ->
                      SummaryText.lines(summary, run.dryRun())
                          .forEach(line -> ReportText.printLine(out, line)));
          RunHistory.MessageStates states =
              app.runHistory().messagesOf(runId, app.clock().instant());
          if (states.total() > 0) {
            out.printf("  %-26s %s%n", "its member messages now", states.describe());
          }
          out.println("  " + Plural.of(events.size(), "event", "events"));
          for (RunEvent event : events) {
            out.printf(
                "  %4d %-10s %-20s %-22s %-22s %s  %s%n",
                event.seq(),
                event.memberId() == null ? "-" : event.memberId(),
                event.action(),
                event.detail(),
                event.rule(),
                event.outcome(),
                event.inputsJson() == null ? "" : event.inputsJson());
          }
          List<TranscriptEntry> transcript = app.runHistory().transcript(runId);
          if (!transcript.isEmpty()) {
            out.printf("  LLM transcript, %d entries (secrets redacted)%n", transcript.size());
            for (TranscriptEntry entry : transcript) {
              out.printf("  %4d %-8s %s%n", entry.seq(), entry.kind(), entry.body());
            }
          }
        }
      }
      out.flush();
      return 0;
    }
  }
}
