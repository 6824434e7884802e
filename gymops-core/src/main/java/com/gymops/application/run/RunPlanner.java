package com.gymops.application.run;

import com.gymops.domain.ApprovalAction;
import com.gymops.domain.Club;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.AccessRules;
import com.gymops.policy.Action;
import com.gymops.policy.ClubPolicy;
import com.gymops.policy.ClubSnapshot;
import com.gymops.policy.Plan;
import com.gymops.policy.RunSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a workflow's snapshot and asks its policy for the plan: the common first half of every run,
 * whoever executes the plan afterwards (the rules runner, or the agent through its tools). A run
 * for a few members reads and plans only them (see {@link RunScope}).
 */
public final class RunPlanner {
  /** The skipped reason of the actions a member-scoped run may not execute. */
  static final String OUTSIDE_RULES = "not for this run's rules";

  private final SnapshotLoader loader;

  public RunPlanner(SnapshotLoader loader) {
    this.loader = loader;
  }

  /**
   * Plans the whole club's run that {@code at} falls in. The rules see the start of its period as
   * now (see {@link RunPeriod}), so any run within the same period gets the same plan.
   */
  public PlannedRun plan(
      String runId, WorkflowId workflow, Club club, ClubPolicy policy, Instant at) {
    return plan(runId, workflow, club, policy, at, RunScope.wholeClub());
  }

  /**
   * Plans the run of {@code scope}. What a person decided is executed at the instant they decided
   * it ({@code at}); everything else at the start of its period, as the club-wide run would.
   */
  PlannedRun plan(
      String runId, WorkflowId workflow, Club club, ClubPolicy policy, Instant at, RunScope scope) {
    Instant now = RunPeriod.start(workflow, at, club.zone());
    RunContext context = RunContext.of(runId, workflow, club, policy, scope.byPerson() ? at : now);
    // Java 17: no pattern switch; the four scopes are decided here and nowhere else.
    if (scope instanceof RunScope.Manual manual) {
      return new PlannedRun(
          context,
          loader.members(club, policy, manual.memberIds()),
          new Plan(
              manual.actions(),
              RunSummary.counting(workflow, manual.actions(), context.localDate()),
              Map.of()));
    }
    if (scope instanceof RunScope.Approved approved) {
      // An approval passes its policy with the gates lifted (a person approved); others keep them.
      ClubPolicy ungated = ungated(policy);
      ClubSnapshot snapshot = loader.load(workflow, club, ungated, now, approved.memberIds());
      return new PlannedRun(
          context,
          snapshot,
          stillPlanned(approved.covered(), policyPlan(workflow, ungated, now, snapshot)));
    }
    if (scope instanceof RunScope.Members members) {
      ClubSnapshot snapshot = loader.load(workflow, club, policy, now, members.members());
      return new PlannedRun(
          context, snapshot, only(members.rules(), policyPlan(workflow, policy, now, snapshot)));
    }
    ClubSnapshot snapshot = loader.load(workflow, club, policy, now);
    return new PlannedRun(context, snapshot, policyPlan(workflow, policy, now, snapshot));
  }

  /** The workflow's plan, with what the gates of {@code approvals.*} hold for a person. */
  private static Plan policyPlan(
      WorkflowId workflow, ClubPolicy policy, Instant now, ClubSnapshot snapshot) {
    return policy
        .approvals()
        .apply(
            workflow,
            Workflows.policy(workflow).plan(snapshot, Clock.fixed(now, snapshot.club().zone())));
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
   * The fresh plan's actions that match covered ones, in the covered order: what the rules no
   * longer plan (the member paid, is on hold, is locked already) is not executed.
   */
  private static Plan stillPlanned(List<ApprovalAction> covered, Plan fresh) {
    List<Action> kept = new ArrayList<>();
    for (ApprovalAction action : covered) {
      fresh.actions().stream()
          .filter(planned -> RunScope.Approved.covers(action, planned))
          .findFirst()
          .ifPresent(kept::add);
    }
    return new Plan(kept, fresh.summary().recount(kept), fresh.skipped());
  }

  /**
   * The club's policy with the breaker and the approval gates lifted: a person approved the number
   * of locks, the campaign or the list.
   */
  private static ClubPolicy ungated(ClubPolicy policy) {
    AccessRules access = policy.access();
    return new ClubPolicy(
        policy.messaging(),
        policy.reminders(),
        new AccessRules(
            access.minPastDueAmount(),
            access.gracePeriodDays(),
            Integer.MAX_VALUE,
            access.lockOutsideWindow(),
            access.warnDaysBeforeLock()),
        policy.escalation(),
        policy.referral(),
        policy.campaigns());
  }
}
