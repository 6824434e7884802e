package com.gymops.application.console;

/**
 * One readable line of an agent's transcript.
 *
 * @param kind {@code model} (the model's words), {@code call} (a tool call), {@code result}, {@code
 *     refused} (a tool result the guard refused), {@code error}, or {@code request} (what GymOps
 *     sent, in short)
 */
public record TranscriptLine(int seq, String kind, String title, String text) {
  /** Longer than this, a line opens on its first words and shows the rest on request. */
  static final int BRIEF = 240;

  public boolean isLong() {
    return text.length() > BRIEF;
  }

  /** The line's first words, for a long one. */
  public String brief() {
    if (!isLong()) {
      return text;
    }
    int cut = text.lastIndexOf(' ', BRIEF);
    return text.substring(0, cut > BRIEF / 2 ? cut : BRIEF) + " …";
  }

  public boolean refused() {
    return kind.equals("refused") || kind.equals("error");
  }
}
