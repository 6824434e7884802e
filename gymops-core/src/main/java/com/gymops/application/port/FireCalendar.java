package com.gymops.application.port;

import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import java.time.Instant;
import java.util.Optional;

/**
 * The scheduler's calendar as the console reads it: whether a club's workflow is scheduled, and
 * when it fires next, from the same schedules the scheduler runs. Immutable and thread-safe.
 */
public interface FireCalendar {
  boolean scheduled(ClubId club, WorkflowId workflow);

  /** The first fire strictly after {@code after}, if the workflow is scheduled for the club. */
  Optional<Instant> nextFire(ClubId club, WorkflowId workflow, Instant after);
}
