package com.gymops.application.run;

import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A request to run one workflow for one club, or for one member of it.
 *
 * @param at the instant the run's rules treat as now
 * @param member the one member the run looks at; null for the whole club
 * @param rules the rule ids whose actions a member-scoped run may execute; empty: every rule
 */
public record RunRequest(
    WorkflowId workflow,
    ClubId club,
    RunMode mode,
    boolean dryRun,
    Instant at,
    MemberId member,
    Set<String> rules) {
  public RunRequest {
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(club, "club");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(at, "at");
    rules = Set.copyOf(rules);
    if (!rules.isEmpty() && member == null) {
      throw new IllegalArgumentException("only a run for one member may be limited to rules");
    }
  }

  /** A run for the whole club. */
  public RunRequest(WorkflowId workflow, ClubId club, RunMode mode, boolean dryRun, Instant at) {
    this(workflow, club, mode, dryRun, at, null, Set.of());
  }

  /**
   * A rules run of {@code workflow} for one member that executes only the actions of {@code rules}:
   * what a payment asks of door-access, so the member's unlock goes through the same snapshot,
   * policy, guard and audit as the hourly run without the payment ever locking anyone.
   */
  public static RunRequest forMember(
      WorkflowId workflow, ClubId club, MemberId member, Set<String> rules, Instant at) {
    Objects.requireNonNull(member, "member");
    return new RunRequest(workflow, club, RunMode.RULES, false, at, member, rules);
  }

  public boolean forOneMember() {
    return member != null;
  }
}
