package com.gymops.application.port.store;

import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One lease per (workflow, club) in the database, so two runs of the same workflow for the same
 * club never overlap, whether started by the scheduler, by hand or on another node. Thread-safe.
 */
public interface WorkflowLocks {
  /**
   * How long a run that never took a lease (a dry run, a payment's door check) may stay {@code
   * RUNNING} before {@link #recoverInterrupted} calls it interrupted: far longer than such runs
   * take.
   */
  Duration UNLEASED_RUN_LIMIT = Duration.ofMinutes(10);

  /**
   * Takes the lease for {@code runId}, or takes over one whose holder died (its lease expired, or
   * on the embedded store its process is gone); false when another run holds it. A run whose lease
   * is taken over is marked {@code INTERRUPTED}.
   */
  boolean acquire(WorkflowId workflow, ClubId club, String runId, Instant now, Duration lease);

  void release(WorkflowId workflow, ClubId club, String runId);

  /** When the current lease of (workflow, club) expires; empty when nobody holds it. */
  Optional<Instant> expiry(WorkflowId workflow, ClubId club);

  /**
   * Marks {@code INTERRUPTED} every run left {@code RUNNING} by a process that died: its lease
   * expired (or, on the embedded store, its process is gone), or it took none and started more than
   * {@link #UNLEASED_RUN_LIMIT} ago. Frees the leases of those runs.
   *
   * @return the run ids marked
   */
  List<String> recoverInterrupted(Instant now);
}
