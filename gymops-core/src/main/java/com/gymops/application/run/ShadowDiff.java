package com.gymops.application.run;

import java.util.List;

/**
 * A shadow run's comparison: the rules' plan, executed, against what the agent would have done in
 * dry-run. The guard keeps the agent inside the plan, so the differences are the planned actions it
 * would have held or left undone; what it tried beyond the plan is in the guard blocks.
 *
 * @param differences the first {@link #LISTED} planned actions the agent would not have executed
 */
public record ShadowDiff(
    int rulesActions,
    int agentWouldExecute,
    int agentWouldHold,
    int agentWouldLeave,
    List<Difference> differences) {
  public static final int LISTED = 50;

  public ShadowDiff {
    differences = List.copyOf(differences);
  }

  /**
   * One planned action the two would treat differently.
   *
   * @param agent {@code held: <reason>} or {@code not done}
   */
  public record Difference(
      String memberId, String action, String detail, String rules, String agent) {}
}
