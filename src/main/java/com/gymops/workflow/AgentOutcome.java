package com.gymops.workflow;

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
 */
public record AgentOutcome(
    String stopReason,
    String fallbackReason,
    String finalText,
    List<HeldMember> held,
    List<BlockedCall> guardBlocks,
    LlmFigures llm,
    List<TranscriptEntry> transcript) {
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
    return new AgentOutcome(stopReason, why, "", List.of(), List.of(), LlmFigures.NONE, List.of());
  }

  public boolean fellBack() {
    return fallbackReason != null;
  }

  /** A member whose planned actions the agent held, and what became of the review note. */
  public record HeldMember(String memberId, String reason, int actions, String note) {}

  /** A tool call the guard refused (the report's {@code guard_blocks}). */
  public record BlockedCall(String tool, String memberId, String reason) {}

  /** The LLM figures of the report (DESIGN §7). */
  public record LlmFigures(int requests, long inputTokens, long outputTokens, long requestBytes) {
    public static final LlmFigures NONE = new LlmFigures(0, 0, 0, 0);
  }
}
