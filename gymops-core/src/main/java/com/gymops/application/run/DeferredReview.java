package com.gymops.application.run;

import com.gymops.domain.MemberId;
import com.gymops.policy.Effect;
import java.util.List;

/**
 * An exception deferred to the next review ({@code agent.review_every: day}, docs/ARCHITECTURE.md,
 * Agent mode): the workflow's model already reviewed a plan today, so a later run's new exception
 * waits for the next day's review instead of asking again. Its member's planned actions are held in
 * the run's ledger — not executed and, unlike an agent's hold, not filed as an approval — so the
 * policy plans them again in later runs, and the next day's first run with exceptions shows the
 * model all of them at once. Deferring a reminder or a lock only delays it, the safe direction; an
 * unlock never waits, so a member whose plan restores access is not deferred at all (the unlock,
 * its text and its note commit together, and a paid member must not wait a day for the door).
 */
public final class DeferredReview {
  /** How a deferred entry's reason begins. */
  public static final String REASON = "deferred to the next review: ";

  /** The outcome of a deferred action in the report and the run's events. */
  static final String OUTCOME = "deferred";

  private DeferredReview() {}

  /**
   * Defers the member's pending actions, unless the member's plan restores access.
   *
   * @param why e.g. {@code the agent reviewed past-due-monitoring today at 10:00 (run ...)}
   * @return how many actions were deferred; 0 for a member whose plan restores access
   */
  public static int defer(PlanLedger ledger, MemberId member, String why) {
    List<PlanLedger.Entry> planned = ledger.plannedFor(member);
    if (restoresAccess(planned)) {
      return 0;
    }
    return ledger.hold(member, REASON + why);
  }

  /** Whether any of the entries unlocks a door: what must never wait for a review. */
  public static boolean restoresAccess(List<PlanLedger.Entry> planned) {
    return planned.stream()
        .map(entry -> entry.action().effect())
        .anyMatch(e -> e instanceof Effect.UnlockDoor || e instanceof Effect.ManualUnlock);
  }

  static boolean isDeferred(PlanLedger.Entry entry) {
    return entry.status() == PlanLedger.Status.HELD
        && entry.heldReason() != null
        && entry.heldReason().startsWith(REASON);
  }
}
