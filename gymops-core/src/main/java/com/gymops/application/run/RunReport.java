package com.gymops.application.run;

import com.gymops.domain.ClubId;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.PlannedMessage;
import com.gymops.policy.RunSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one run, in the shape of the JSON contract of docs/ARCHITECTURE.md (see {@link
 * RunReportJson}).
 *
 * @param summary the workflow's figures, counted from what the run carried out (for a dry run, what
 *     it would have done)
 * @param skipped members the rules deliberately left alone, by reason
 * @param outcomes how many actions ended in each outcome (done, already done, failed, ...)
 * @param files report files written by the run, such as the referral CSV
 * @param agent what the agent did; null in a rules run
 * @param completedByRules planned actions the rules executed after the agent stopped
 * @param shadow the comparison of a shadow run; null otherwise
 */
public record RunReport(
    String runId,
    WorkflowId workflow,
    ClubId club,
    RunMode mode,
    String modeUsed,
    boolean dryRun,
    RunStatus status,
    Instant at,
    RunSummary summary,
    List<ReportedAction> actions,
    Map<String, Integer> skipped,
    Map<String, Integer> outcomes,
    List<String> files,
    String error,
    AgentOutcome agent,
    int completedByRules,
    ShadowDiff shadow) {
  public RunReport {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(summary, "summary");
    actions = List.copyOf(actions);
    skipped = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(skipped));
    outcomes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outcomes));
    files = List.copyOf(files);
  }

  /**
   * One action as the report lists it.
   *
   * @param message for a member message, exactly what the plan queues (channel, text, not before);
   *     null for any other action and for a member no channel reaches
   * @param executed what its execution gave, with its message (e.g. why a door change failed); null
   *     for an action held for a person
   */
  public record ReportedAction(
      String memberId,
      String action,
      String detail,
      String rule,
      String outcome,
      PlannedMessage message,
      Outcome executed) {}
}
