package com.gymops.application.console;

/**
 * One readable line of an agent's transcript.
 *
 * @param kind {@code model} (the model's words), {@code call} (a tool call), {@code result}, {@code
 *     refused} (a tool result the guard refused), {@code error}, or {@code request} (what GymOps
 *     sent, in short)
 */
public record TranscriptLine(int seq, String kind, String title, String text) {
  public boolean refused() {
    return kind.equals("refused") || kind.equals("error");
  }
}
