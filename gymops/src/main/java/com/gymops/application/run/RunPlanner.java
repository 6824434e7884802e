package com.gymops.application.run;

import com.gymops.application.port.store.Stores;
import com.gymops.domain.Club;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.Action;
import com.gymops.policy.ClubPolicy;
import com.gymops.policy.ClubSnapshot;
import com.gymops.policy.MessageTemplates;
import com.gymops.policy.Plan;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a workflow's snapshot and asks its policy for the plan: the common first half of every run,
 * whoever executes the plan afterwards (the rules runner, or the agent through its tools).
 */
public final class RunPlanner {
  /** The skipped reason of the actions a member-scoped run may not execute. */
  static final String OUTSIDE_RULES = "not for this run's rules";

  private final SnapshotLoader loader;

  /**
   * @param templates the club's texts, rendered into the plan's messages
   */
  public RunPlanner(Stores stores, MessageTemplates templates) {
    this(stores, templates, null);
  }

  /**
   * @param payLinkTemplate {@code messaging.pay_link}, or null
   */
  public RunPlanner(Stores stores, MessageTemplates templates, String payLinkTemplate) {
    this.loader = new SnapshotLoader(stores, templates, payLinkTemplate);
  }

  /**
   * Plans the run that {@code at} falls in. The rules see the start of its period as now (see
   * {@link RunPeriod}), so any run within the same period gets the same plan.
   */
  public PlannedRun plan(
      String runId, WorkflowId workflow, Club club, ClubPolicy policy, Instant at) {
    return plan(runId, workflow, club, policy, at, null, Set.of());
  }

  /**
   * Plans the run for the whole club ({@code member} null) or for one member, keeping only the
   * actions of {@code rules} (empty: all of them).
   */
  PlannedRun plan(
      String runId,
      WorkflowId workflow,
      Club club,
      ClubPolicy policy,
      Instant at,
      MemberId member,
      Set<String> rules) {
    Instant now = RunPeriod.start(workflow, at, club.zone());
    ClubSnapshot snapshot =
        member == null
            ? loader.load(workflow, club, policy, now)
            : loader.loadMember(workflow, club, policy, member);
    // The gates of approvals.* hold what waits for a person, whoever started the run.
    Plan plan =
        policy
            .approvals()
            .apply(
                workflow, Workflows.policy(workflow).plan(snapshot, Clock.fixed(now, club.zone())));
    return new PlannedRun(
        RunContext.of(runId, workflow, club, policy, now), snapshot, only(rules, plan));
  }

  private static Plan only(Set<String> rules, Plan plan) {
    if (rules.isEmpty()) {
      return plan;
    }
    List<Action> kept = plan.actions().stream().filter(a -> rules.contains(a.rule())).toList();
    if (kept.size() == plan.actions().size()) {
      return plan;
    }
    Map<String, Integer> skipped = new LinkedHashMap<>(plan.skipped());
    skipped.put(OUTSIDE_RULES, plan.actions().size() - kept.size());
    return new Plan(kept, plan.summary().recount(kept), skipped);
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
    // An approval passes its policy with the gates lifted (a person approved); others keep them.
    Plan plan =
        policy
            .approvals()
            .apply(
                workflow, Workflows.policy(workflow).plan(snapshot, Clock.fixed(now, club.zone())));
    return new PlannedRun(RunContext.of(runId, workflow, club, policy, now), snapshot, plan);
  }
}
