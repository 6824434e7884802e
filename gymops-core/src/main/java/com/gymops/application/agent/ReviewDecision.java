package com.gymops.application.agent;

import com.gymops.domain.Plural;
import java.util.Optional;

/**
 * Whether a run's plan goes to the model ({@code agent.review_when} and {@code agent.review_every},
 * docs/ARCHITECTURE.md, Agent mode): an empty plan never does; {@code never} keeps every plan to
 * the rules; {@code exceptions} (the default) sends only a plan with members worth a look; {@code
 * always} sends every plan with actions. The model's judgement is what is paid for, so a plan with
 * nothing to judge costs nothing.
 *
 * <p>With {@code exceptions} and {@code review_every: day} (the default), a plan with exceptions is
 * sent only when no run of the same workflow and club finished a review earlier that club-local
 * day. Otherwise the exceptions' members are deferred to the next review (their planned actions
 * held in the run's ledger, not executed and not filed as approvals, so the policy plans them
 * again) and the rest of the plan runs by the rules. The number of distinct exceptions grows with
 * the club; the number of reviews a day does not.
 *
 * @param reviewEvery {@code run} or {@code day}
 * @param exceptions the plan's exceptions; -1 when they were not counted
 * @param deferredTo the run whose review of the day made this run defer its exceptions; null when
 *     none did
 * @param deferred how many members' actions were deferred to the next review; 0 when none
 * @param why the report's and transcript's sentence, e.g. {@code nothing to review: the plan is
 *     empty}
 */
record ReviewDecision(
    boolean ask,
    String reviewWhen,
    String reviewEvery,
    int actions,
    int exceptions,
    String deferredTo,
    int deferred,
    String why) {
  static final String NOTHING = "nothing to review";

  /** What {@code review_every: day} needs of the run. */
  interface Day {
    /** The day's earlier review of the workflow for the club, if a run finished one. */
    Optional<EarlierReview> earlierReview();

    /**
     * Defers the exceptions' members to the next review, each with the reason given, except a
     * member whose plan restores access (an unlock never waits).
     */
    Deferral defer(String reason);
  }

  /**
   * @param runId the run that asked
   * @param said e.g. {@code the agent reviewed past-due-monitoring today at 10:00 (run ...)}
   */
  record EarlierReview(String runId, String said) {}

  /**
   * @param members the members deferred
   * @param restoring the exceptions' members not deferred because their plan restores access
   */
  record Deferral(int members, int restoring) {}

  /** For {@code review_every: run}: no run waits for another's review. */
  static final Day EVERY_RUN =
      new Day() {
        @Override
        public Optional<EarlierReview> earlierReview() {
          return Optional.empty();
        }

        @Override
        public Deferral defer(String reason) {
          throw new IllegalStateException("nothing is deferred when every run asks");
        }
      };

  /**
   * @param exceptions counts the plan's exceptions; called only when the decision depends on them
   * @param day asked only for a plan with exceptions under {@code review_every: day}; it defers the
   *     exceptions' members when the day has had its review
   */
  static ReviewDecision of(
      String reviewWhen,
      String reviewEvery,
      int actions,
      java.util.function.IntSupplier exceptions,
      Day day) {
    if (actions == 0) {
      return decided(false, reviewWhen, reviewEvery, 0, -1, NOTHING + ": the plan is empty");
    }
    return switch (reviewWhen) {
      case "never" ->
          decided(
              false, reviewWhen, reviewEvery, actions, -1, "not asked: agent.review_when is never");
      case "always" ->
          decided(true, reviewWhen, reviewEvery, actions, -1, "asked: agent.review_when is always");
      default -> {
        int found = exceptions.getAsInt();
        if (found == 0) {
          yield decided(
              false,
              reviewWhen,
              reviewEvery,
              actions,
              0,
              NOTHING + ": " + actions + " planned actions, no exception worth a look");
        }
        Optional<EarlierReview> earlier =
            reviewEvery.equals("day") ? day.earlierReview() : Optional.empty();
        if (earlier.isPresent()) {
          String reason = earlier.get().said();
          Deferral deferral = day.defer(reason);
          yield new ReviewDecision(
              false,
              reviewWhen,
              reviewEvery,
              actions,
              found,
              earlier.get().runId(),
              deferral.members(),
              "not asked: "
                  + reason
                  + ", and agent.review_every is day: "
                  + Plural.of(
                      deferral.members(), "member with an exception", "members with exceptions")
                  + " deferred to the next review"
                  + (deferral.restoring() == 0
                      ? ""
                      : ", "
                          + Plural.of(deferral.restoring(), "member", "members")
                          + " whose access the plan restores not deferred (an unlock never waits)")
                  + ", the rest of the plan by the rules");
        }
        yield decided(
            true,
            reviewWhen,
            reviewEvery,
            actions,
            found,
            "asked: "
                + Plural.of(found, "exception", "exceptions")
                + " worth a look among "
                + Plural.of(actions, "planned action", "planned actions"));
      }
    };
  }

  private static ReviewDecision decided(
      boolean ask, String reviewWhen, String reviewEvery, int actions, int exceptions, String why) {
    return new ReviewDecision(ask, reviewWhen, reviewEvery, actions, exceptions, null, 0, why);
  }
}
