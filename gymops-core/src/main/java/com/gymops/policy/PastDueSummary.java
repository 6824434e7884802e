package com.gymops.policy;

import com.gymops.domain.Money;
import java.util.List;
import java.util.Objects;

/**
 * The past-due-monitoring summary: members processed, reminders queued by tier, doors locked, the
 * total past due of the members processed, and the urgent cases (members over both lock thresholds,
 * locked in this run, already locked or waiting for the window: each one needs a person to look at
 * it).
 */
public record PastDueSummary(
    int membersProcessed,
    int friendly,
    int firm,
    int finalNotices,
    int doorsLocked,
    Money totalPastDue,
    int urgentCases)
    implements RunSummary {
  public PastDueSummary {
    Objects.requireNonNull(totalPastDue, "totalPastDue");
  }

  /** The reminders and locks among {@code actions}, with the figures of the members processed. */
  public static PastDueSummary of(
      int membersProcessed, Money totalPastDue, int urgentCases, List<Action> actions) {
    int friendly = 0;
    int firm = 0;
    int finalNotices = 0;
    int locked = 0;
    for (Action action : actions) {
      if (action.effect() instanceof Effect.SendReminder reminder) {
        switch (reminder.tier()) {
          case FRIENDLY -> friendly++;
          case FIRM -> firm++;
          case FINAL -> finalNotices++;
        }
      } else if (action.effect() instanceof Effect.LockDoor) {
        locked++;
      }
    }
    return new PastDueSummary(
        membersProcessed, friendly, firm, finalNotices, locked, totalPastDue, urgentCases);
  }

  public int remindersQueued() {
    return friendly + firm + finalNotices;
  }

  @Override
  public PastDueSummary recount(List<Action> carriedOut) {
    return of(membersProcessed, totalPastDue, urgentCases, carriedOut);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.pastDue(this);
  }
}
