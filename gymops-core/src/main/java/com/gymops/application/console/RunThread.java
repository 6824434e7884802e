package com.gymops.application.console;

import java.util.List;

/**
 * One run in full: its summary, every action with its rule and inputs, the texts as queued or sent,
 * the agent's transcript and, for a shadow run, what the agent would have done differently.
 */
public record RunThread(
    RunRow run,
    String error,
    List<Action> actions,
    List<Message> messages,
    List<TranscriptLine> transcript,
    String shadow) {
  public record Action(
      int seq,
      String memberId,
      String action,
      String detail,
      String rule,
      String inputs,
      String outcome) {}

  public record Message(
      String memberId,
      String channel,
      String recipient,
      String status,
      String body,
      String error) {}
}
