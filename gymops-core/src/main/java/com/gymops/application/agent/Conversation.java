package com.gymops.application.agent;

import com.gymops.application.port.LlmContent;
import com.gymops.application.port.LlmContent.ToolResult;
import com.gymops.application.port.LlmMessage;
import com.gymops.application.port.LlmResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of one agent run as each request sends them. Two things differ from a plain list:
 *
 * <ul>
 *   <li>A large tool answer the model has read (review_plan) is re-sent as its summary from the
 *       request after the one that delivered it: the conversation stops paying for it on every
 *       turn.
 *   <li>The latest turn's results carry a prompt-cache breakpoint, so the next request reads the
 *       conversation so far from the cache; not when they hold an answer that is summarised next
 *       time, since that prefix is never sent again. Only the latest carries one: the API allows
 *       four breakpoints a request, and the system prompt takes another.
 * </ul>
 *
 * Not thread-safe: one run, one thread.
 */
final class Conversation {
  private record Turn(LlmMessage message, List<ToolResult> results, List<ToolResult> later) {
    boolean summarised() {
      return later != null;
    }
  }

  private final List<Turn> turns = new ArrayList<>();

  Conversation(String task) {
    turns.add(new Turn(LlmMessage.user(task), null, null));
  }

  /** The answer goes back exactly as it came: thinking blocks keep their signatures. */
  void assistant(LlmResponse response) {
    turns.add(new Turn(new LlmMessage(LlmMessage.Role.ASSISTANT, response.content()), null, null));
  }

  /**
   * @param later per result, what later requests send instead; the same list when nothing is
   *     summarised
   */
  void results(List<ToolResult> results, List<ToolResult> later) {
    boolean summarised = !later.equals(results);
    turns.add(new Turn(null, List.copyOf(results), summarised ? List.copyOf(later) : null));
  }

  int size() {
    return turns.size();
  }

  /** The messages of the next request. */
  List<LlmMessage> forRequest() {
    List<LlmMessage> messages = new ArrayList<>(turns.size());
    int last = turns.size() - 1;
    for (int i = 0; i <= last; i++) {
      Turn turn = turns.get(i);
      if (turn.results() == null) {
        messages.add(turn.message());
      } else if (i < last) {
        messages.add(user(turn.summarised() ? turn.later() : turn.results(), false));
      } else {
        messages.add(user(turn.results(), !turn.summarised()));
      }
    }
    return messages;
  }

  private static LlmMessage user(List<ToolResult> results, boolean breakpoint) {
    List<LlmContent> blocks = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      ToolResult result = results.get(i);
      blocks.add(breakpoint && i == results.size() - 1 ? result.withCacheBreakpoint() : result);
    }
    return new LlmMessage(LlmMessage.Role.USER, blocks);
  }
}
