package com.gymops.workflow;

import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;

/** Another run of the same workflow for the same club holds the lock. */
public final class RunInProgressException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunInProgressException(WorkflowId workflow, ClubId club) {
    super(
        workflow
            + " is already running for club "
            + club
            + "; this run was not started (try again when it has finished)");
  }
}
