package com.gymops.workflow;

import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import java.time.Instant;
import java.util.Objects;

/**
 * A request to run one workflow for one club.
 *
 * @param at the instant the run's rules treat as now
 */
public record RunRequest(
    WorkflowId workflow, ClubId club, RunMode mode, boolean dryRun, Instant at) {
  public RunRequest {
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(club, "club");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(at, "at");
  }
}
