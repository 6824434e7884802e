package com.gymops.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.gymops.application.agent.ModelPrices;
import java.util.List;

/**
 * What the agent scenario measured: one past-due-monitoring run per (club size, model), the
 * seed-literal model's figures over the competent one's at each size, and a simulated month of
 * every workflow on its schedule per club size.
 *
 * @param competentRequestGrowth the competent model's requests at the largest size over those at
 *     the smallest: 1.0 when requests per run are flat in the number of members
 */
public record AgentFigures(
    String model,
    Price price,
    List<Run> runs,
    List<Comparison> seedLiteralOverCompetent,
    double competentRequestGrowth,
    List<Month> month) {
  public AgentFigures {
    runs = List.copyOf(runs);
    seedLiteralOverCompetent = List.copyOf(seedLiteralOverCompetent);
    month = List.copyOf(month);
  }

  /**
   * The model's list price, US dollars per million tokens, from {@link ModelPrices}; a cache write
   * is the 5-minute one. Token counts of the fake are estimates (4 bytes a token), so the costs are
   * estimates too.
   */
  public record Price(
      double inputPerMillionTokens,
      double outputPerMillionTokens,
      double cacheWritePerMillionTokens,
      double cacheReadPerMillionTokens,
      String basis) {
    static Price of(String model) {
      ModelPrices.Price price =
          ModelPrices.of(model)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no list price for agent.model '"
                              + model
                              + "'; the bench prices "
                              + ModelPrices.models()));
      return new Price(
          price.input(),
          price.output(),
          price.cacheWrite(),
          price.cacheRead(),
          model + " list price (docs/BENCHMARKS.md names the source)");
    }

    /**
     * @param inputTokens every input token, the cached ones included
     */
    double cost(long inputTokens, long cacheWrites, long cacheReads, long outputTokens) {
      return (Math.max(0, inputTokens - cacheWrites - cacheReads) * inputPerMillionTokens
              + cacheWrites * cacheWritePerMillionTokens
              + cacheReads * cacheReadPerMillionTokens
              + outputTokens * outputPerMillionTokens)
          / 1e6;
    }
  }

  /**
   * Every enabled workflow of one demo club in agent mode on its schedule over a simulated month,
   * the competent model answering: what the month costs.
   *
   * @param runs the workflow runs of the month
   * @param runsAsked of those, the ones whose plan went to the model
   * @param askedByWorkflow the runs asked, by workflow
   * @param inputTokens every input token, the cached ones included
   * @param cachedInputTokens of those, the ones read from the prompt cache
   * @param cacheWriteInputTokens of those, the ones written to the prompt cache
   */
  public record Month(
      int members,
      int days,
      int runs,
      int runsAsked,
      java.util.Map<String, Integer> askedByWorkflow,
      long requests,
      long inputTokens,
      long cachedInputTokens,
      long cacheWriteInputTokens,
      long outputTokens,
      double dollars) {
    public Month {
      askedByWorkflow =
          java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(askedByWorkflow));
    }
  }

  /**
   * One agent run, as the fake Messages API counted it.
   *
   * @param modeUsed {@code agent}, or {@code rules-fallback} when a budget stopped the model
   * @param uncapped for the seed-literal model stopped by a budget in its per-member turns, what
   *     finishing would have taken (null otherwise)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Run(
      String model,
      int members,
      int pastDueMembers,
      long requests,
      long inputTokens,
      long outputTokens,
      long requestBytes,
      long cacheWriteInputTokens,
      long cachedInputTokens,
      double costUsd,
      double seconds,
      String modeUsed,
      String stopReason,
      Projection uncapped) {}

  /**
   * The seed-literal script's cost had no budget stopped it, projected from the requests it made:
   * each remaining request re-sends the last one's context plus the average growth per request of
   * its last per-member cycle (two requests). Linear growth, so the total is quadratic in the
   * members; a real model's context window (1M tokens at most) would end the run long before.
   */
  public record Projection(
      long requests, long inputTokens, long lastRequestInputTokens, double costUsd) {}

  /**
   * Seed-literal / competent at one size.
   *
   * @param uncappedInputTokens the seed-literal model's projected uncapped input tokens over the
   *     competent model's: the comparison the goal in docs/BENCHMARKS.md means (null without a
   *     projection)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Comparison(
      int pastDueMembers,
      Double uncappedInputTokens,
      double requests,
      double inputTokens,
      double outputTokens,
      double requestBytes,
      double cost) {}
}
