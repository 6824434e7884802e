package com.gymops.application.agent;

import com.gymops.application.run.ClubPopulation;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunReport;
import com.gymops.config.AgentSettings;
import com.gymops.domain.WorkflowId;
import com.gymops.fakes.CompetentModel;
import com.gymops.fakes.ScriptedModel;
import com.gymops.fakes.SeedLiteralModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Not a test: prints what one past-due-monitoring run costs in LLM requests, input tokens and
 * request bytes, competent model against the seed-literal one, at the member counts given (default
 * 1000 10000). {@code --lifted} raises the turn and token budgets to their maximum to show the
 * seed's cost without the cap. Run it as docs/ARCHITECTURE.md (Agent mode) says.
 */
public final class AgentCostMeasurement {
  private AgentCostMeasurement() {}

  public static void main(String[] args) throws Exception {
    boolean lifted = java.util.Arrays.asList(args).contains("--lifted");
    int[] counts =
        java.util.Arrays.stream(args)
            .filter(a -> !a.startsWith("--"))
            .mapToInt(Integer::parseInt)
            .toArray();
    if (counts.length == 0) {
      counts = new int[] {1000, 10000};
    }
    AgentSettings settings = AgentSettings.DEFAULTS.withApiKey(AgentClub.KEY);
    if (lifted) {
      settings =
          new AgentSettings(
              "agent",
              settings.model(),
              null,
              AgentClub.KEY,
              1000,
              10_000,
              Integer.MAX_VALUE,
              Duration.ofHours(1),
              4096,
              2,
              Duration.ofSeconds(60),
              "exceptions",
              "day",
              "plan");
    }
    System.out.printf(
        "%-8s %-13s %8s %14s %14s %10s %-15s %s%n",
        "members",
        "model",
        "requests",
        "input_tokens",
        "request_bytes",
        "millis",
        "mode_used",
        "stop");
    for (int count : counts) {
      measure(count, "competent", CompetentModel::new, settings);
      measure(count, "seed-literal", SeedLiteralModel::new, settings);
    }
  }

  private static void measure(
      int members, String name, Supplier<ScriptedModel> model, AgentSettings settings)
      throws Exception {
    Path directory = Files.createTempDirectory("gymops-cost");
    try (AgentClub club = new AgentClub(directory, model.get(), settings)) {
      club.club.seed(AgentModeTest.pastDue(members));
      long started = System.nanoTime();
      RunReport report =
          club.run(
              WorkflowId.PAST_DUE_MONITORING,
              ClubPopulation.scheduled(WorkflowId.PAST_DUE_MONITORING),
              RunMode.AGENT);
      long millis = (System.nanoTime() - started) / 1_000_000;
      var llm = report.agent().llm();
      System.out.printf(
          "%-8d %-13s %8d %14d %14d %10d %-15s %s%n",
          members,
          name,
          llm.requests(),
          llm.inputTokens(),
          llm.requestBytes(),
          millis,
          report.modeUsed(),
          report.agent().stopReason()
              + (report.agent().fellBack() ? " (" + report.agent().fallbackReason() + ")" : ""));
    }
  }
}
