package com.gymops.bench;

import com.gymops.app.GymOpsApp;
import com.gymops.application.run.AgentOutcome;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunReport;
import com.gymops.application.run.RunRequest;
import com.gymops.domain.WorkflowId;
import com.gymops.fakes.CompetentModel;
import com.gymops.fakes.FakeMessagesApi;
import com.gymops.fakes.ScriptedModel;
import com.gymops.fakes.SeedLiteralModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * past-due-monitoring in agent mode against the fake Messages API on loopback, with the competent
 * model (review the plan, hold one exception, execute) and the seed-literal one (the
 * specification's per-member tool calls), on demo clubs of a tenth of the bench's members and of
 * all of them: 1,000 and 10,000 past-due members at the default 100,000. Token counts are
 * deterministic, so each (size, model) runs once; the budgets are the configured ones (the defaults
 * unless gymops.yml says otherwise), which cap the seed-literal model long before it is done.
 */
final class AgentScenario {
  /** Only the fake sees it; the SDK insists on a key. */
  private static final String KEY = "sk-ant-bench-not-a-real-key";

  private final BenchClub club;
  private final SeededClubs clubs;
  private final Consumer<String> progress;

  AgentScenario(BenchClub club, SeededClubs clubs, Consumer<String> progress) {
    this.club = club;
    this.clubs = clubs;
    this.progress = progress;
  }

  AgentFigures measure(BenchSettings settings) {
    AgentFigures.Price price = AgentFigures.Price.of(club.config().agent().model());
    List<AgentFigures.Run> runs = new ArrayList<>();
    List<AgentFigures.Comparison> comparisons = new ArrayList<>();
    for (int members : List.of(settings.members() / 10, settings.members())) {
      SeededClubs.Template template = clubs.template(members);
      AgentFigures.Run competent = run(template, "competent", CompetentModel::new, price);
      AgentFigures.Run literal = run(template, "seed-literal", SeedLiteralModel::new, price);
      runs.add(competent);
      runs.add(literal);
      comparisons.add(
          new AgentFigures.Comparison(
              template.pastDue(),
              literal.uncapped() == null
                  ? null
                  : ratio(literal.uncapped().inputTokens(), competent.inputTokens()),
              ratio(literal.requests(), competent.requests()),
              ratio(literal.inputTokens(), competent.inputTokens()),
              ratio(literal.outputTokens(), competent.outputTokens()),
              ratio(literal.requestBytes(), competent.requestBytes()),
              ratio(literal.costUsd(), competent.costUsd())));
    }
    List<AgentFigures.Month> month = new ArrayList<>();
    for (int members : settings.monthMembers()) {
      month.add(new MonthScenario(club, clubs, progress).measure(members, settings.monthDays()));
    }
    return new AgentFigures(
        club.config().agent().model(),
        price,
        runs,
        comparisons,
        ratio(runs.get(2).requests(), runs.get(0).requests()),
        month);
  }

  /**
   * One run with the model always asked, so each size measures the model's work; the seed-literal
   * script gets the specification's tools, which it calls member by member.
   */
  private AgentFigures.Run run(
      SeededClubs.Template template,
      String name,
      Supplier<ScriptedModel> model,
      AgentFigures.Price price) {
    Path copy = clubs.copy(template);
    try (FakeMessagesApi api = new FakeMessagesApi(model.get());
        GymOpsApp app =
            club.withAgent(
                    club.config()
                        .agent()
                        .withApiKey(KEY)
                        .withBaseUrl(api.baseUrl())
                        .withReviewWhen("always")
                        .withTools(name.equals("seed-literal") ? "seed" : "plan"))
                .open(copy)) {
      long started = System.nanoTime();
      RunReport report =
          app.runner()
              .run(
                  new RunRequest(
                      WorkflowId.PAST_DUE_MONITORING,
                      club.club().id(),
                      RunMode.AGENT,
                      false,
                      club.at()));
      double seconds = Timing.round((System.nanoTime() - started) / 1e9);
      AgentOutcome agent = report.agent();
      AgentFigures.Run run =
          new AgentFigures.Run(
              name,
              template.members(),
              template.pastDue(),
              api.requests(),
              api.inputTokens(),
              api.outputTokens(),
              api.requestBytes(),
              api.cacheCreationInputTokens(),
              api.cacheReadInputTokens(),
              Math.round(
                      price.cost(
                              api.inputTokens(),
                              api.cacheCreationInputTokens(),
                              api.cacheReadInputTokens(),
                              api.outputTokens())
                          * 10_000)
                  / 10_000.0,
              seconds,
              report.modeUsed(),
              agent == null ? "none" : agent.stopReason(),
              report.modeUsed().equals("agent") || !name.equals("seed-literal")
                  ? null
                  : projection(
                      api.inputTokensPerRequest(),
                      SeedLiteralModel.requestsBeforeMembers(template.pastDue()),
                      SeedLiteralModel.requestsToFinish(template.pastDue()),
                      api.outputTokens() / Math.max(1, api.requests()),
                      price));
      progress.accept(
          String.format(
              "agent %s at %d past due: %d requests, %d input tokens, %s",
              name, run.pastDueMembers(), run.requests(), run.inputTokens(), run.modeUsed()));
      return run;
    } finally {
      SeededClubs.deleteDirectory(copy);
    }
  }

  /**
   * Null when the budget stopped the model while it was still paging: the growth of a member turn
   * was never seen, and the pages' growth would overstate it by far.
   */
  static AgentFigures.Projection projection(
      List<Long> perRequest,
      int requestsBeforeMembers,
      int requestsToFinish,
      long outputTokensPerRequest,
      AgentFigures.Price price) {
    int made = perRequest.size();
    if (made < requestsBeforeMembers + 3) {
      return null;
    }
    long measured = perRequest.stream().mapToLong(Long::longValue).sum();
    long last = made == 0 ? 0 : perRequest.get(made - 1);
    double growth = made < 3 ? 0 : (last - perRequest.get(made - 3)) / 2.0;
    long remaining = Math.max(0, requestsToFinish - made);
    long input = measured + Math.round(remaining * last + growth * remaining * (remaining + 1) / 2);
    long output = outputTokensPerRequest * Math.max(made, requestsToFinish);
    return new AgentFigures.Projection(
        Math.max(made, requestsToFinish),
        input,
        Math.round(last + growth * remaining),
        Math.round(price.cost(input, 0, 0, output) * 100) / 100.0);
  }

  private static double ratio(double over, double under) {
    return under == 0 ? 0 : Timing.round(over / under);
  }
}
