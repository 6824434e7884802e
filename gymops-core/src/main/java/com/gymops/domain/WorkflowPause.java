package com.gymops.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A workflow a person paused: the scheduler skips its fires until it is resumed.
 *
 * @param club the club it is paused for; {@code null} for every club
 */
public record WorkflowPause(WorkflowId workflow, ClubId club, String by, Instant at) {
  public WorkflowPause {
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
  }
}
