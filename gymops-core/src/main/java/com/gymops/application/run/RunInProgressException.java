package com.gymops.application.run;

import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import java.time.Instant;
import java.util.Optional;

/** Another run of the same workflow for the same club holds the lock. */
public final class RunInProgressException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param leaseExpires when the holder's lease runs out, if it still holds one
   */
  public RunInProgressException(WorkflowId workflow, ClubId club, Optional<Instant> leaseExpires) {
    super(
        workflow
            + " is already running for club "
            + club
            + "; this run was not started (try again when it has finished"
            + leaseExpires
                .map(at -> "; if that run's process died, its lease expires at " + at)
                .orElse("")
            + ")");
  }
}
