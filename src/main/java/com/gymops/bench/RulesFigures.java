package com.gymops.bench;

import java.util.List;

/**
 * What the rules scenario measured.
 *
 * @param run door-access then past-due-monitoring, executing, on a fresh copy of the database
 * @param baseline {@link MinimalEffects} on a fresh copy of the same database
 * @param ratio run median / baseline median
 * @param membersPerSecond members of the club / run median (each workflow looks at all of them)
 * @param peakHeapMb the highest heap peak of the recorded runs and baselines
 */
public record RulesFigures(
    int members,
    int pastDueMembers,
    List<String> workflows,
    int actions,
    int outboxRows,
    Timing run,
    Timing baseline,
    double ratio,
    double membersPerSecond,
    long runPeakHeapMb,
    long baselinePeakHeapMb) {
  public RulesFigures {
    workflows = List.copyOf(workflows);
  }
}
