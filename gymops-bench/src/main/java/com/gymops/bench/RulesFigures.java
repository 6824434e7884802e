package com.gymops.bench;

import java.util.List;

/**
 * What the rules scenario measured.
 *
 * @param clubs the clubs the members were spread over ({@code bench --clubs}); the run is then one
 *     hourly fire, both workflows for every club, and the floor and baseline those of every club
 * @param run door-access then past-due-monitoring, executing, on a fresh copy of the database
 * @param rows the rows the run wrote, table by table: what the fair floor writes too
 * @param floorReads what the fair floor read: the members in scope, and the attempt history of
 *     those who owe (the rows the run's policies must read too)
 * @param baseline {@link MinimalEffects} on a fresh copy of the same database: the outbox rows only
 * @param floor {@link FairFloor} on a fresh copy of the same database: what the policies read, then
 *     every row the run wrote, batched
 * @param ratio run median / baseline median
 * @param ratioToFloor run median / fair floor median
 * @param membersPerSecond members of the club / run median (each workflow looks at all of them)
 * @param peakHeapMb the highest heap peak of the recorded runs and baselines
 */
public record RulesFigures(
    int clubs,
    int members,
    int pastDueMembers,
    List<String> workflows,
    int actions,
    int outboxRows,
    FairFloor.Rows rows,
    FairFloor.Reads floorReads,
    Timing run,
    Timing baseline,
    Timing floor,
    double ratio,
    double ratioToFloor,
    double membersPerSecond,
    long runPeakHeapMb,
    long baselinePeakHeapMb) {
  public RulesFigures {
    workflows = List.copyOf(workflows);
  }
}
