package com.gymops.application.agent;

import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
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

  static String of(Message message, boolean endOfTurn) {
    String text =
        message.content().stream()
            .filter(ContentBlock::isText)
            .map(block -> block.asText().text())
            .collect(Collectors.joining("\n"));
    if (!text.isBlank() || !endOfTurn) {
      return text;
    }
    List<String> thoughts =
        message.content().stream()
            .filter(ContentBlock::isThinking)
            .map(block -> block.asThinking().thinking())
            .filter(words -> !words.isBlank())
            .toList();
    return thoughts.isEmpty() ? "" : thoughts.get(thoughts.size() - 1);
  }
}
