package com.gymops.application.agent;

import com.gymops.application.port.LlmContent;
import com.gymops.application.port.LlmResponse;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The words of an answer, the run's report when it is the last one. Sonnet 5.5 and later return the
 * words written between tool calls inside thinking blocks; a closing answer that has no text block
 * keeps its report there too, so at the end of the turn the last thinking block with words stands
 * in for it.
 */
final class FinalText {
  private FinalText() {}

  static String of(LlmResponse response, boolean endOfTurn) {
    String text =
        response.content().stream()
            .filter(LlmContent.Text.class::isInstance)
            .map(block -> ((LlmContent.Text) block).text())
            .collect(Collectors.joining("\n"));
    if (!text.isBlank() || !endOfTurn) {
      return text;
    }
    List<String> thoughts =
        response.content().stream()
            .filter(LlmContent.Thinking.class::isInstance)
            .map(block -> ((LlmContent.Thinking) block).thinking())
            .filter(words -> !words.isBlank())
            .toList();
    return thoughts.isEmpty() ? "" : thoughts.get(thoughts.size() - 1);
  }
}
