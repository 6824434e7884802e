package com.gymops.application.run;

import com.gymops.domain.ApprovalAction;
import com.gymops.domain.ClubId;
import com.gymops.domain.Member;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.Action;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A request to run one workflow for one club: for the whole club, or for a few of its members (see
 * {@link RunScope}); every run, however started, goes through {@link WorkflowRunner#run}.
 *
 * @param at the instant the run's rules treat as now
 * @param scope the members the run reads and the actions it may execute
 * @param runId the run's id when the caller needed it before the run (an approval claims its
 *     execution under it); null: the runner gives one (see {@link RunIds})
 */
public record RunRequest(
    WorkflowId workflow,
    ClubId club,
    RunMode mode,
    boolean dryRun,
    Instant at,
    RunScope scope,
    String runId) {
  public RunRequest {
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(club, "club");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(scope, "scope");
    if (scope.byPerson() && (mode != RunMode.RULES || dryRun)) {
      throw new IllegalArgumentException("what a person decided runs by the rules, for real");
    }
  }

  /** A run for the whole club. */
  public RunRequest(WorkflowId workflow, ClubId club, RunMode mode, boolean dryRun, Instant at) {
    this(workflow, club, mode, dryRun, at, RunScope.wholeClub(), null);
  }

  /**
   * A rules run of {@code workflow} for one member, as the caller has just read them, that executes
   * only the actions of {@code rules}: what a payment asks of door-access, so the member's unlock
   * goes through the same snapshot, policy, guard and audit as the hourly run without the payment
   * ever locking anyone.
   */
  public static RunRequest forMember(
      WorkflowId workflow, Member member, Set<String> rules, Instant at) {
    return new RunRequest(
        workflow,
        member.clubId(),
        RunMode.RULES,
        false,
        at,
        new RunScope.Members(List.of(member), rules),
        null);
  }

  /** The execution of an approval's covered actions, as run {@code runId}. */
  public static RunRequest approved(
      WorkflowId workflow, ClubId club, List<ApprovalAction> covered, Instant at, String runId) {
    Objects.requireNonNull(runId, "runId");
    return new RunRequest(
        workflow, club, RunMode.RULES, false, at, new RunScope.Approved(covered), runId);
  }

  /** The execution of actions a person decided, such as a manual lock. */
  public static RunRequest manual(
      WorkflowId workflow, ClubId club, List<Action> actions, Instant at) {
    return new RunRequest(
        workflow, club, RunMode.RULES, false, at, new RunScope.Manual(actions), null);
  }

  /** Whether the run reads only some members of the club. */
  public boolean scoped() {
    return scope != RunScope.wholeClub();
  }
}
