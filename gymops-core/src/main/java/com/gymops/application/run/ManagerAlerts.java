package com.gymops.application.run;

import com.gymops.domain.Club;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import java.time.Instant;

/**
 * What a run tells the club's manager went wrong: a door change the door system did not do, a run
 * that failed. At most one of each kind per club and hour ({@link EffectKeys}), whatever the number
 * of members or retries: the run's events name every failure.
 */
public final class ManagerAlerts {
  private final ManagerMessages manager;

  public ManagerAlerts(ManagerMessages manager) {
    this.manager = manager;
  }

  /** The door system did not make {@code member}'s door {@code target}, and said {@code error}. */
  Outcome doorFailed(RunContext run, Member member, DoorAccess target, String error) {
    return manager.notify(
        run.club(),
        EffectKeys.doorFailedAlert(run.club().id(), run.now()),
        "Could not "
            + (target.isLocked() ? "lock" : "unlock")
            + " the door for "
            + member.fullName()
            + " ("
            + member.id()
            + "): "
            + error
            + ". Nothing changed; the next run tries again. Other door failures this hour are"
            + " not texted: see gymops runs.",
        run.now(),
        run.runId());
  }

  /** The run {@code runId} failed; {@code text} says which and why. */
  public Outcome runFailed(Club club, String runId, String text, Instant now) {
    return manager.notify(club, EffectKeys.runFailedAlert(club.id(), now), text, now, runId);
  }
}
