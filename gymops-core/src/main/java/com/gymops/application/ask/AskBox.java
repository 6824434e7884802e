package com.gymops.application.ask;

import com.gymops.application.care.Actor;
import com.gymops.application.console.ConsoleDenied;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleUser;
import java.util.List;

/**
 * The console's Ask box: a question about one club the user sees, asked of the model as the user
 * ({@link AskAgent}). Without {@code ANTHROPIC_API_KEY} there is no model, and the box says so.
 */
public final class AskBox {
  private final GymOpsConfig config;
  private final AskAgent agent;

  /**
   * @param agent null when no API key is set
   */
  public AskBox(GymOpsConfig config, AskAgent agent) {
    this.config = config;
    this.agent = agent;
  }

  public boolean available() {
    return agent != null;
  }

  /** The clubs the user may ask about, in the configuration's order. */
  public List<ClubId> clubs(ConsoleUser user) {
    return config.clubs().stream().map(c -> c.club().id()).filter(user::sees).toList();
  }

  /**
   * @throws ConsoleDenied for a club the user does not see, or without a model
   * @throws IllegalArgumentException for an empty or too long question
   */
  public AskAgent.Answer ask(ConsoleUser user, ClubId named, String question) {
    if (agent == null) {
      throw new ConsoleDenied("the Ask box needs ANTHROPIC_API_KEY to be set on the server");
    }
    ClubId club =
        clubs(user).stream()
            .filter(id -> id.equals(named))
            .findFirst()
            .orElseThrow(() -> new ConsoleDenied("no club " + named.value() + " for this account"));
    // The user's own name in the audit and on every request the model files; one club at a time.
    return agent.ask(new Actor(user.email(), club), question, user.role().mayAct());
  }
}
