package com.gymops.application.run;

import com.gymops.domain.Club;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.ClubPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** What every effect of a run shares: who runs, for which club, at which instant and period. */
public record RunContext(
    String runId, WorkflowId workflow, Club club, ClubPolicy policy, Instant now, String period) {
  public RunContext {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(club, "club");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(period, "period");
  }

  static RunContext of(
      String runId, WorkflowId workflow, Club club, ClubPolicy policy, Instant now) {
    return new RunContext(
        runId, workflow, club, policy, now, RunPeriod.of(workflow, now, club.zone()));
  }

  public LocalDate localDate() {
    return LocalDate.ofInstant(now, club.zone());
  }
}
