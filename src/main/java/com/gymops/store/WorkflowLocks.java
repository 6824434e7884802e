package com.gymops.store;

import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import java.time.Duration;
import java.time.Instant;

/**
 * One lease per (workflow, club) in the database, so two runs of the same workflow for the same
 * club never overlap, whether started by the scheduler, by hand or on another node. Thread-safe.
 */
public interface WorkflowLocks {
  /**
   * Takes the lease for {@code runId}, or takes over one that expired (its holder died); false when
   * another run holds it.
   */
  boolean acquire(WorkflowId workflow, ClubId club, String runId, Instant now, Duration lease);

  void release(WorkflowId workflow, ClubId club, String runId);
}
