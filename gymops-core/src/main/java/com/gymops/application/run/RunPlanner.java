package com.gymops.application.run;

import com.gymops.domain.Approval;
import com.gymops.domain.ApprovalAction;
import com.gymops.domain.Club;
import com.gymops.domain.Plural;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.AccessRules;
import com.gymops.policy.Action;
import com.gymops.policy.CampaignSummary;
import com.gymops.policy.ClubPolicy;
import com.gymops.policy.ClubSnapshot;
import com.gymops.policy.OneOffMessage;
import com.gymops.policy.OneOffMessagePolicy;
import com.gymops.policy.Plan;
import com.gymops.policy.RunSummary;
import com.gymops.policy.WorkflowPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a workflow's snapshot and asks its policy for the plan: the common first half of every run,
 * whoever executes the plan afterwards (the rules runner, or the agent through its tools). A run
 * for a few members reads and plans only them (see {@link RunScope}).
 */
public final class RunPlanner {
  /** The skipped reason of the actions a member-scoped run may not execute. */
  static final String OUTSIDE_RULES = "not for this run's rules";

  /** The skipped reason of a one-off message's texts, all waiting for a person. */
  public static final String MESSAGE_WITHHELD = "one-off message awaiting approval";

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
    // Java 17: no pattern switch; the five scopes are decided here and nowhere else.
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
      WorkflowPolicy rules =
          oneOff(approved.covered())
              .<WorkflowPolicy>map(OneOffMessagePolicy::new)
              .orElseGet(() -> Workflows.policy(workflow));
      return new PlannedRun(
          context,
          snapshot,
          stillPlanned(approved.covered(), policyPlan(workflow, rules, ungated, now, snapshot)));
    }
    if (scope instanceof RunScope.OneOff oneOff) {
      if (workflow != WorkflowId.DAILY_CAMPAIGNS) {
        throw new IllegalArgumentException("a one-off message is a daily-campaigns run");
      }
      ClubSnapshot snapshot = loader.load(workflow, club, policy, now);
      Plan plan =
          new OneOffMessagePolicy(oneOff.message())
              .plan(snapshot, Clock.fixed(now, snapshot.club().zone()));
      return new PlannedRun(context, snapshot, waitingForApproval(oneOff, plan));
    }
    if (scope instanceof RunScope.Members members) {
      ClubSnapshot snapshot = loader.load(workflow, club, policy, now, members.members());
      return new PlannedRun(
          context,
          snapshot,
          only(
              members.rules(),
              policyPlan(workflow, Workflows.policy(workflow), policy, now, snapshot)));
    }
    ClubSnapshot snapshot = loader.load(workflow, club, policy, now);
    return new PlannedRun(
        context, snapshot, policyPlan(workflow, Workflows.policy(workflow), policy, now, snapshot));
  }

  /** The plan of {@code rules}, with what the gates of {@code approvals.*} hold for a person. */
  private static Plan policyPlan(
      WorkflowId workflow,
      WorkflowPolicy rules,
      ClubPolicy policy,
      Instant now,
      ClubSnapshot snapshot) {
    return policy
        .approvals()
        .apply(workflow, rules.plan(snapshot, Clock.fixed(now, snapshot.club().zone())));
  }

  /**
   * Every text of a one-off message withheld for a person, whatever their number: the campaign
   * threshold ({@code approvals.campaign_recipients}) is the floor of what waits, and words nobody
   * has read yet wait always.
   */
  private static Plan waitingForApproval(RunScope.OneOff oneOff, Plan plan) {
    int texts = plan.actions().size();
    if (texts == 0) {
      return plan;
    }
    Map<String, Integer> skipped = new LinkedHashMap<>(plan.skipped());
    skipped.put(MESSAGE_WITHHELD, texts);
    return new Plan(
        List.of(),
        CampaignSummary.of(List.of(), texts),
        skipped,
        List.of(
            new Plan.Withheld(
                Approval.Kind.MESSAGE,
                "text "
                    + Plural.of(texts, "member", "members")
                    + " among "
                    + oneOff.message().segment().words()
                    + ": \""
                    + oneOff.message().text()
                    + "\"",
                plan.actions())));
  }

  /** The one-off message the covered texts carry, if they are one's (see {@link OneOffMessage}). */
  private static Optional<OneOffMessage> oneOff(List<ApprovalAction> covered) {
    if (covered.isEmpty()
        || !covered.stream().allMatch(a -> OneOffMessagePolicy.RULE.equals(a.rule()))) {
      return Optional.empty();
    }
    return OneOffMessage.of(RunReportJson.readInputs(covered.get(0).inputsJson()));
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
    // Looked up by what covers() compares, not searched: an approval of 12,000 texts would compare
    // 144 million pairs (docs/BENCHMARKS.md).
    Map<List<Object>, Action> planned = new HashMap<>();
    for (Action action : fresh.actions()) {
      planned.putIfAbsent(
          Arrays.asList(action.member(), action.name(), action.detail(), action.rule()), action);
    }
    List<Action> kept = new ArrayList<>();
    for (ApprovalAction action : covered) {
      Action match =
          planned.get(
              Arrays.asList(action.memberId(), action.action(), action.detail(), action.rule()));
      if (match != null && RunScope.Approved.covers(action, match)) {
        kept.add(match);
      }
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
