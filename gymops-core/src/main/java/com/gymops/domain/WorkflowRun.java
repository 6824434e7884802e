package com.gymops.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of one workflow for one club.
 *
 * @param clockAt the instant the run's rules saw as "now" ({@code --at}, or the wall clock)
 * @param reportJson the full report (docs/ARCHITECTURE.md) once finished
 */
public record WorkflowRun(
    String runId,
    WorkflowId workflow,
    ClubId clubId,
    String mode,
    String modeUsed,
    boolean dryRun,
    RunStatus status,
    Instant clockAt,
    Instant startedAt,
    Instant finishedAt,
    String reportJson,
    String error) {
  public WorkflowRun {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(clubId, "clubId");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(clockAt, "clockAt");
    Objects.requireNonNull(startedAt, "startedAt");
  }
}
