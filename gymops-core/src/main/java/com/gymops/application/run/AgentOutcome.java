package com.gymops.application.run;

import com.gymops.domain.TranscriptEntry;
import java.util.List;
import java.util.Objects;

/**
 * What the agent did in one run.
 *
 * @param stopReason how the agent's part ended: a stop reason of the model ({@code end_turn},
 *     {@code refusal}, ...) or {@code budget}, {@code llm_unavailable}, {@code no_agent}
 * @param fallbackReason why the rules completed the run instead of the agent; null when the agent
 *     finished its work itself
 * @param finalText the model's closing text, its report (may be empty)
 * @param modelAsked whether any request went to the model; when not (an empty plan, nothing worth a
 *     look, {@code agent.review_when: never}) and nothing went wrong, the plan runs by the rules as
 *     in a rules run
 * @param review why the model was or was not asked, e.g. {@code nothing to review: the plan is
 *     empty}; null when no agent ran at all
 */
public record AgentOutcome(
    String stopReason,
    String fallbackReason,
    String finalText,
    List<HeldMember> held,
    List<BlockedCall> guardBlocks,
    LlmFigures llm,
    List<TranscriptEntry> transcript,
    boolean modelAsked,
    String review) {
  public AgentOutcome {
    Objects.requireNonNull(stopReason, "stopReason");
    finalText = finalText == null ? "" : finalText;
    held = List.copyOf(held);
    guardBlocks = List.copyOf(guardBlocks);
    Objects.requireNonNull(llm, "llm");
    transcript = List.copyOf(transcript);
  }

  /** No agent ran at all, e.g. no API key: the rules do everything. */
  public static AgentOutcome notRun(String stopReason, String why) {
    return new AgentOutcome(
        stopReason, why, "", List.of(), List.of(), LlmFigures.NONE, List.of(), false, null);
  }

  /**
   * The agent decided the model had nothing to judge: no request, the rules run the plan. Not a
   * fallback, since nothing went wrong; the transcript holds the decision.
   */
  public static AgentOutcome notAsked(String review, List<TranscriptEntry> transcript) {
    return new AgentOutcome(
        "not_asked", null, "", List.of(), List.of(), LlmFigures.NONE, transcript, false, review);
  }

  public boolean fellBack() {
    return fallbackReason != null;
  }

  /** A member whose planned actions the agent held, and what became of the review note. */
  public record HeldMember(String memberId, String reason, int actions, String note) {}

  /** A tool call the guard refused (the report's {@code guard_blocks}). */
  public record BlockedCall(String tool, String memberId, String reason) {}

  /**
   * The LLM figures of the report (docs/ARCHITECTURE.md, Agent mode).
   *
   * @param inputTokens every input token of the run's requests, cached or not
   * @param cacheCreationInputTokens of those, the ones written to the prompt cache (priced above
   *     plain input)
   * @param cacheReadInputTokens of those, the ones read from the prompt cache (priced at a tenth or
   *     less)
   * @param costUsd the run's price at the model's list rates; 0 for a model without a known price
   */
  public record LlmFigures(
      int requests,
      long inputTokens,
      long outputTokens,
      long requestBytes,
      long cacheCreationInputTokens,
      long cacheReadInputTokens,
      double costUsd) {
    public static final LlmFigures NONE = new LlmFigures(0, 0, 0, 0, 0, 0, 0);

    /** Input tokens at the full input price: neither written to nor read from the cache. */
    public long uncachedInputTokens() {
      return inputTokens - cacheCreationInputTokens - cacheReadInputTokens;
    }
  }
}
