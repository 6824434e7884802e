package com.gymops.application.port.store;

import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowPause;
import java.time.Instant;
import java.util.List;

/**
 * Workflows a person paused, per club or for every club ({@link #ALL_CLUBS}). Read by the scheduler
 * at each fire, so a pause takes effect at once on every node. Thread-safe.
 */
public interface PausedWorkflows {
  /** The club id that stands for every club. */
  String ALL_CLUBS = "*";

  /** Returns false when it was paused already. */
  boolean pause(WorkflowId workflow, String club, String by, Instant at);

  /** Returns false when it was not paused. */
  boolean resume(WorkflowId workflow, String club);

  /** Whether the workflow is paused for the club, or for every club. */
  boolean isPaused(WorkflowId workflow, ClubId club);

  List<WorkflowPause> all();
}
