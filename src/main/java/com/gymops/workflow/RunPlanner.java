package com.gymops.workflow;

import com.gymops.domain.Club;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.ClubPolicy;
import com.gymops.policy.ClubSnapshot;
import com.gymops.policy.Plan;
import com.gymops.store.Stores;
import java.time.Clock;
import java.time.Instant;

/**
 * Loads a workflow's snapshot and asks its policy for the plan: the common first half of every run,
 * whoever executes the plan afterwards (the rules runner, or the agent through its tools).
 */
public final class RunPlanner {
  private final SnapshotLoader loader;

  public RunPlanner(Stores stores) {
    this.loader = new SnapshotLoader(stores);
  }

  /**
   * Plans the run that {@code at} falls in. The rules see the start of its period as now (see
   * {@link RunPeriod}), so any run within the same period gets the same plan.
   */
  public PlannedRun plan(
      String runId, WorkflowId workflow, Club club, ClubPolicy policy, Instant at) {
    Instant now = RunPeriod.start(workflow, at, club.zone());
    ClubSnapshot snapshot = loader.load(workflow, club, policy, now);
    Plan plan = Workflows.policy(workflow).plan(snapshot, Clock.fixed(now, club.zone()));
    return new PlannedRun(RunContext.of(runId, workflow, club, policy, now), snapshot, plan);
  }

  /**
   * Plans the run for only {@code members}, as they are now: what an approval's execution checks
   * its covered actions against.
   */
  public PlannedRun planFor(
      String runId,
      WorkflowId workflow,
      Club club,
      ClubPolicy policy,
      Instant at,
      java.util.Set<com.gymops.domain.MemberId> members) {
    Instant now = RunPeriod.start(workflow, at, club.zone());
    ClubSnapshot all = loader.load(workflow, club, policy, now);
    ClubSnapshot snapshot =
        new ClubSnapshot(
            club,
            policy,
            all.members().stream().filter(m -> members.contains(m.member().id())).toList(),
            all.holds());
    Plan plan = Workflows.policy(workflow).plan(snapshot, Clock.fixed(now, club.zone()));
    return new PlannedRun(RunContext.of(runId, workflow, club, policy, now), snapshot, plan);
  }
}
