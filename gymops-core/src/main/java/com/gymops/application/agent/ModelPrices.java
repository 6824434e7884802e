package com.gymops.application.agent;

import java.util.Map;
import java.util.Optional;

/**
 * List prices of the models GymOps is run with, in US dollars per million tokens, from the model
 * pages of the Claude platform documentation (checked 2026-12-01; docs/BENCHMARKS.md names them). A
 * cache write is the 5-minute one, the only one GymOps asks for; a cache read is what a hit costs.
 * Haiku 5.5 costs more for prompts over 100,000 tokens; an agent request here is far below that, so
 * only its lower rate is kept.
 */
public final class ModelPrices {
  /** The rates of one model. */
  public record Price(
      String model, double input, double output, double cacheWrite, double cacheRead) {
    /** The dollars of a run's tokens; {@code uncachedInput} excludes cache writes and reads. */
    public double cost(long uncachedInput, long cacheWrites, long cacheReads, long outputTokens) {
      return (uncachedInput * input
              + cacheWrites * cacheWrite
              + cacheReads * cacheRead
              + outputTokens * output)
          / 1e6;
    }
  }

  private static final Map<String, Price> PRICES =
      Map.of(
          "claude-sonnet-5-5", new Price("claude-sonnet-5-5", 2.00, 10.00, 2.50, 0.20),
          "claude-opus-5-5", new Price("claude-opus-5-5", 4.00, 20.00, 5.00, 0.20),
          // The page lists the cache read of neither tier; a tenth of input, the usual ratio.
          "claude-haiku-5-5", new Price("claude-haiku-5-5", 0.10, 0.50, 0.125, 0.01));

  private ModelPrices() {}

  /** The models the table prices. */
  public static java.util.Set<String> models() {
    return new java.util.TreeSet<>(PRICES.keySet());
  }

  /** The model's rates; empty for a model not in the table (its runs are reported at $0). */
  public static Optional<Price> of(String model) {
    return Optional.ofNullable(PRICES.get(model));
  }
}
