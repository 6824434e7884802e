package com.gymops.application.port.store;

import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import java.time.Instant;
import java.util.List;

/**
 * The log of scheduled fires: one row per (workflow, club, scheduled instant), whichever node runs
 * it. Thread-safe.
 */
public interface FireLog {
  /**
   * Records that a node is about to run the fire.
   *
   * @return the attempt number: 1 the first time, more when a fire is taken over from a dead node
   *     or retried
   */
  int record(WorkflowId workflow, ClubId club, Instant scheduledFor, String node, Instant now);

  /** Every recorded fire, oldest first. */
  List<Fire> fires();

  /** One scheduled fire as recorded. */
  record Fire(
      WorkflowId workflow,
      ClubId club,
      Instant scheduledFor,
      Instant firstFiredAt,
      Instant lastFiredAt,
      String node,
      int attempts) {}
}
