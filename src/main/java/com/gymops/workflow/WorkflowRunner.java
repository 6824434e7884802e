package com.gymops.workflow;

import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.RunEvent;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowRun;
import com.gymops.policy.Action;
import com.gymops.policy.Plan;
import com.gymops.store.Stores;
import com.gymops.workflow.RunReport.ReportedAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs one workflow for one club: takes the (workflow, club) lease, loads the snapshot, plans,
 * executes each action through the {@link PlanLedger} (or only reports it in a dry run), records
 * the run with one event per action, and returns the report.
 */
public final class WorkflowRunner {
  /** Longer than any run takes; a lease left by a dead process frees itself after it. */
  static final Duration LEASE = Duration.ofMinutes(30);

  private static final DateTimeFormatter RUN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private final GymOpsConfig config;
  private final Stores stores;
  private final ActionExecutor executor;
  private final ReportWriter reports;
  private final Clock clock;
  private final RunPlanner planner;

  public WorkflowRunner(
      GymOpsConfig config,
      Stores stores,
      ActionExecutor executor,
      ReportWriter reports,
      Clock clock) {
    this.config = config;
    this.stores = stores;
    this.executor = executor;
    this.reports = reports;
    this.clock = clock;
    this.planner = new RunPlanner(stores);
  }

  /**
   * @throws IllegalArgumentException for an unknown club or an unavailable mode
   * @throws RunInProgressException when the same workflow is running for the club
   */
  public RunReport run(RunRequest request) {
    ClubSettings club =
        config
            .club(request.club())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no club '" + request.club() + "' in the configuration"));
    if (request.mode() != RunMode.RULES) {
      throw new IllegalArgumentException(
          "mode '" + request.mode().code() + "' is not available yet; use --mode rules");
    }
    String runId = newRunId(request.at());
    boolean leased = !request.dryRun();
    if (leased
        && !stores
            .locks()
            .acquire(request.workflow(), request.club(), runId, clock.instant(), LEASE)) {
      throw new RunInProgressException(request.workflow(), request.club());
    }
    try {
      stores
          .runs()
          .start(
              new WorkflowRun(
                  runId,
                  request.workflow(),
                  request.club(),
                  request.mode().code(),
                  null,
                  request.dryRun(),
                  RunStatus.RUNNING,
                  request.at(),
                  clock.instant(),
                  null,
                  null,
                  null));
      RunReport report;
      try {
        report = execute(runId, request, club);
      } catch (RuntimeException e) {
        String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        stores.runs().finish(runId, RunStatus.FAILED, "rules", clock.instant(), null, error);
        tellManagerOfFailure(club, request, runId, error);
        throw e;
      }
      stores
          .runs()
          .finish(
              runId,
              report.status(),
              report.modeUsed(),
              clock.instant(),
              RunReportJson.stored(report),
              report.error());
      return report;
    } finally {
      if (leased) {
        stores.locks().release(request.workflow(), request.club(), runId);
      }
    }
  }

  private RunReport execute(String runId, RunRequest request, ClubSettings club) {
    WorkflowId workflow = request.workflow();
    PlannedRun planned = planner.plan(runId, workflow, club.club(), club.policy(), request.at());
    Plan plan = planned.plan();
    RunContext context = planned.context();
    // The same ledger the agent's tools execute through: one path to every side effect.
    PlanLedger ledger = new PlanLedger(planned, executor);
    if (!request.dryRun()) {
      ledger.executeRemaining();
    }
    List<RunEvent> events = new ArrayList<>(plan.actions().size());
    List<ReportedAction> reported = new ArrayList<>(plan.actions().size());
    Map<String, Integer> outcomes = new LinkedHashMap<>();
    for (PlanLedger.Entry entry : ledger.entries()) {
      Action action = entry.action();
      Outcome outcome = request.dryRun() ? Outcome.planned() : entry.outcome();
      outcomes.merge(outcome.kind().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
      events.add(
          new RunEvent(
              events.size() + 1,
              action.member(),
              action.name(),
              action.detail(),
              action.rule(),
              RunReportJson.inputs(action.inputs()),
              outcome.code()));
      reported.add(
          new ReportedAction(
              action.member() == null ? null : action.member().value(),
              action.name(),
              action.detail(),
              action.rule(),
              outcome.code()));
    }
    stores.runs().addEvents(runId, events);
    List<String> files = request.dryRun() ? List.of() : writeReports(workflow, club, context, plan);
    boolean failures = outcomes.getOrDefault("failed", 0) > 0;
    return new RunReport(
        runId,
        workflow,
        club.club().id(),
        request.mode(),
        "rules",
        request.dryRun(),
        failures ? RunStatus.PARTIAL : RunStatus.SUCCEEDED,
        request.at(),
        plan.summary(),
        reported,
        plan.skipped(),
        outcomes,
        files,
        failures ? outcomes.get("failed") + " actions failed; see the run's events" : null);
  }

  /** Best effort: the run already failed, and a second failure must not hide the first. */
  private void tellManagerOfFailure(
      ClubSettings club, RunRequest request, String runId, String error) {
    try {
      executor
          .managerMessages()
          .notify(
              club.club(),
              "run-failed:" + runId,
              request.workflow() + " failed: " + error + " (run " + runId + ")",
              clock.instant(),
              runId);
    } catch (RuntimeException ignored) {
      // The failure is recorded with the run and thrown to the caller.
    }
  }

  @SuppressWarnings("unchecked")
  private List<String> writeReports(
      WorkflowId workflow, ClubSettings club, RunContext context, Plan plan) {
    Object rows =
        switch (workflow) {
          case COLLECTIONS_REFERRAL -> plan.summary().get("referrals");
          case COLLECTIONS_ESCALATION -> plan.summary().get("cases");
          default -> null;
        };
    if (!(rows instanceof List<?> list) || list.isEmpty()) {
      return List.of();
    }
    return List.of(
        reports.write(
            workflow, club.club().id(), context.localDate(), (List<Map<String, Object>>) list));
  }

  private static String newRunId(Instant at) {
    return "run-" + RUN_ID_TIME.format(at) + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
