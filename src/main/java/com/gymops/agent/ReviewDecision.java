package com.gymops.agent;

import com.gymops.domain.Plural;

/**
 * Whether a run's plan goes to the model ({@code agent.review_when}, docs/ARCHITECTURE.md, Agent
 * mode): an empty plan never does; {@code never} keeps every plan to the rules; {@code exceptions}
 * (the default) sends only a plan with members worth a look; {@code always} sends every plan with
 * actions. The model's judgement is what is paid for, so a plan with nothing to judge costs
 * nothing.
 *
 * @param exceptions the plan's exceptions; -1 when they were not counted
 * @param why the report's and transcript's sentence, e.g. {@code nothing to review: the plan is
 *     empty}
 */
record ReviewDecision(boolean ask, String reviewWhen, int actions, int exceptions, String why) {
  static final String NOTHING = "nothing to review";

  /**
   * @param exceptions counts the plan's exceptions; called only when the decision depends on them
   */
  static ReviewDecision of(
      String reviewWhen, int actions, java.util.function.IntSupplier exceptions) {
    if (actions == 0) {
      return new ReviewDecision(false, reviewWhen, 0, -1, NOTHING + ": the plan is empty");
    }
    return switch (reviewWhen) {
      case "never" ->
          new ReviewDecision(
              false, reviewWhen, actions, -1, "not asked: agent.review_when is never");
      case "always" ->
          new ReviewDecision(true, reviewWhen, actions, -1, "asked: agent.review_when is always");
      default -> {
        int found = exceptions.getAsInt();
        yield found == 0
            ? new ReviewDecision(
                false,
                reviewWhen,
                actions,
                0,
                NOTHING + ": " + actions + " planned actions, no exception worth a look")
            : new ReviewDecision(
                true,
                reviewWhen,
                actions,
                found,
                "asked: "
                    + Plural.of(found, "exception", "exceptions")
                    + " worth a look among "
                    + Plural.of(actions, "planned action", "planned actions"));
      }
    };
  }
}
