package com.gymops.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the agent scenario measured: one past-due-monitoring run per (club size, model), and the
 * seed-literal model's figures over the competent one's at each size.
 *
 * @param competentRequestGrowth the competent model's requests at the largest size over those at
 *     the smallest: 1.0 when requests per run are flat in the number of members
 */
public record AgentFigures(
    String model,
    Price price,
    List<Run> runs,
    List<Comparison> seedLiteralOverCompetent,
    double competentRequestGrowth) {
  public AgentFigures {
    runs = List.copyOf(runs);
    seedLiteralOverCompetent = List.copyOf(seedLiteralOverCompetent);
  }

  /** The assumed list price of the default model, in US dollars per million tokens. */
  public record Price(double inputPerMillionTokens, double outputPerMillionTokens, String basis) {
    double cost(long inputTokens, long outputTokens) {
      return (inputTokens * inputPerMillionTokens + outputTokens * outputPerMillionTokens) / 1e6;
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
   *     competent model's: the comparison the goal of issue 7 means (null without a projection)
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
