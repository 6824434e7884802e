package com.gymops.application.console;

import java.util.List;
import java.util.Map;

/**
 * One page of a run: its summary, fifty of its actions in words with their state, rule and inputs,
 * the texts to the club's manager, the agent's transcript and, for a shadow run, what the agent
 * would have done differently.
 *
 * @param page the page shown, from 1
 * @param pages how many pages the run's actions fill (at least 1)
 * @param actionCount how many actions the run recorded
 * @param title the workflow's name in words, e.g. "Past-due monitoring"
 */
public record RunThread(
    RunRow run,
    String title,
    String error,
    int page,
    int pages,
    int actionCount,
    List<Action> actions,
    List<Message> managerMessages,
    List<TranscriptLine> transcript,
    String shadow) {
  /** The number of the page's first action, from 1 (0 when the run has none). */
  public int first() {
    return actions.isEmpty() ? 0 : (page - 1) * RunsQuery.PAGE_SIZE + 1;
  }

  /** The number of the page's last action. */
  public int last() {
    return actions.isEmpty() ? 0 : first() + actions.size() - 1;
  }

  public boolean hasPrevious() {
    return page > 1;
  }

  public boolean hasNext() {
    return page < pages;
  }

  /**
   * One action in words: {@code before}, the member, {@code after} make the sentence ("Texted " ·
   * "Keisha Brown (M000123)" · " a friendly reminder about $42.50").
   *
   * @param memberId "" for an action about the club (a text to its manager)
   * @param state one word: queued, sent, deferred, suppressed, failed, held, planned or done
   * @param stateText the state in words, e.g. "queued, waits for 8 am"
   * @param inputs the facts the rule saw, by name
   * @param inputsJson the same as stored
   * @param body the text or email the action queued, "" for none
   */
  public record Action(
      int seq,
      String memberId,
      String before,
      String who,
      String after,
      String state,
      String stateText,
      String rule,
      Map<String, String> inputs,
      String inputsJson,
      String body) {}

  /** A text or email to the club's manager, with its true state. */
  public record Message(
      String channel, String recipient, String state, String stateText, String body) {}
}
