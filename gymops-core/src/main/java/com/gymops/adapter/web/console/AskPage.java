package com.gymops.adapter.web.console;

import com.gymops.application.ask.AskAgent;
import java.util.List;

/**
 * The Ask page: the form, and after a question the model's answer with the tables its tools
 * returned and the approvals it filed.
 *
 * @param available whether the server has a model (ANTHROPIC_API_KEY set)
 * @param clubs the clubs the user may ask about; a choice only when more than one
 * @param answer null before a question
 * @param error why the question was not asked, or null
 */
public record AskPage(
    boolean available,
    List<String> clubs,
    String club,
    String question,
    AskAgent.Answer answer,
    String error) {
  public AskPage {
    clubs = List.copyOf(clubs);
  }
}
