package com.gymops.application.run;

import com.gymops.application.port.ReportWriter;
import com.gymops.application.port.store.ApprovalStore;
import com.gymops.application.port.store.RunStore;
import com.gymops.application.port.store.TranscriptStore;
import com.gymops.application.port.store.WorkflowLocks;
import com.gymops.application.run.RunReport.ReportedAction;
import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.MemberId;
import com.gymops.domain.Plural;
import com.gymops.domain.RunEvent;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowRun;
import com.gymops.policy.Action;
import com.gymops.policy.Effect;
import com.gymops.policy.Plan;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one workflow for one club, or for a few members of it: the one lifecycle of every run,
 * whoever starts it (the schedule, {@code gymops run}, a payment, an approval's execution, a manual
 * lock). Takes the (workflow, club) lease for a club-wide run, records the run, loads the snapshot
 * of its scope (see {@link RunScope}), plans, executes each action through the {@link PlanLedger}
 * (or only reports it in a dry run), writes each action's event once (an executed action's with its
 * effect, the others at the end), finishes the run's record, and returns the report.
 *
 * <p>A past-due-monitoring run that sends asks its {@link PayLinkIssuer} for the payment provider's
 * links its reminders lack, and plans again when any was made, so the plan holds the texts as sent.
 *
 * <p>In agent mode the {@link RunAgent} works on the ledger first; whatever it neither executed nor
 * held is then completed by the rules. In shadow mode the agent works on a dry-run ledger of its
 * own, the rules execute the plan, and the report compares the two.
 */
public final class WorkflowRunner {
  /**
   * How long a run holds its (workflow, club) lease: longer than any run takes (a rules run over
   * 100,000 members takes seconds; an agent run at most its time budget), short enough that a dead
   * node's lease frees itself soon — the scheduler's takeover of its fire waits for it.
   */
  static final Duration MIN_LEASE = Duration.ofMinutes(10);

  /** The agent of a deployment without an API key. */
  public static final RunAgent NO_AGENT =
      (run, ledger) ->
          AgentOutcome.notRun("no_agent", "ANTHROPIC_API_KEY is not set, so no model is available");

  static final String HELD = "held";

  private final GymOpsConfig config;
  private final RunPlanner planner;
  private final ActionExecutor executor;
  private final RunStore runs;
  private final WorkflowLocks locks;
  private final ApprovalStore filed;
  private final TranscriptStore transcripts;
  private final ReportWriter reports;
  private final Clock clock;
  private final RunAgent agent;
  private final ApprovalDesk approvals;
  private final PayLinkIssuer payLinks;

  /**
   * @param filed the approvals filed so far, whose agent holds stand for the day (see {@link
   *     KeptHolds})
   * @param agent the agent of agent and shadow runs; {@link #NO_AGENT} completes them by the rules
   * @param approvals where the plan's withheld actions (the breaker's locks) and the agent's holds
   *     are filed for a person to approve
   * @param payLinks makes the payment provider's pay links the reminders of a run that sends lack
   *     (docs/INTEGRATIONS.md, "Invoices made on demand"); {@link PayLinkIssuer#NONE} for none
   */
  public WorkflowRunner(
      GymOpsConfig config,
      RunPlanner planner,
      ActionExecutor executor,
      RunStore runs,
      WorkflowLocks locks,
      ApprovalStore filed,
      TranscriptStore transcripts,
      ReportWriter reports,
      Clock clock,
      RunAgent agent,
      ApprovalDesk approvals,
      PayLinkIssuer payLinks) {
    this.config = config;
    this.planner = planner;
    this.executor = executor;
    this.runs = runs;
    this.locks = locks;
    this.filed = filed;
    this.transcripts = transcripts;
    this.reports = reports;
    this.clock = clock;
    this.agent = agent;
    this.approvals = approvals;
    this.payLinks = payLinks;
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
    String runId = request.runId() != null ? request.runId() : RunIds.next(request.at());
    // A run for a few members (a payment's, an approval's, a manual lock) takes no lease: a
    // club-wide run in progress must not make a paying member or a manager wait for the next hour,
    // and the idempotency keys, shared with the club-wide run of the same period, already make the
    // two do each effect once.
    boolean leased = !request.dryRun() && !request.scoped();
    if (leased
        && !locks.acquire(request.workflow(), request.club(), runId, clock.instant(), lease())) {
      throw new RunInProgressException(
          request.workflow(), request.club(), locks.expiry(request.workflow(), request.club()));
    }
    try {
      runs.start(
          new WorkflowRun(
              runId,
              request.workflow(),
              request.club(),
              request.scope().recordedAs(request.mode()),
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
        runs.finish(
            runId,
            RunStatus.FAILED,
            request.scope().recordedAs(RunMode.RULES),
            clock.instant(),
            null,
            error);
        tellManagerOfFailure(club, request, runId, error);
        throw e;
      }
      runs.finish(
          runId,
          report.status(),
          report.modeUsed(),
          clock.instant(),
          RunReportJson.stored(report),
          report.error());
      return report;
    } finally {
      if (leased) {
        locks.release(request.workflow(), request.club(), runId);
      }
    }
  }

  /** The members the plan texts a reminder, which ends with their pay link. */
  private static List<MemberId> reminded(Plan plan) {
    List<MemberId> members = new ArrayList<>();
    for (Action action : plan.actions()) {
      if (action.member() != null
          && action.effect() instanceof Effect.SendReminder reminder
          && reminder.message() != null) {
        members.add(action.member());
      }
    }
    return members;
  }

  private Duration lease() {
    if (config.server().runLease() != null) {
      // server.run_lease: checked to outlast agent.max_seconds when the configuration was read.
      return config.server().runLease();
    }
    Duration agentBudget = config.agent().maxTime().plus(Duration.ofMinutes(5));
    return agentBudget.compareTo(MIN_LEASE) > 0 ? agentBudget : MIN_LEASE;
  }

  private RunReport execute(String runId, RunRequest request, ClubSettings club) {
    WorkflowId workflow = request.workflow();
    PlannedRun planned =
        planner.plan(runId, workflow, club.club(), club.policy(), request.at(), request.scope());
    if (!request.dryRun()
        && workflow == WorkflowId.PAST_DUE_MONITORING
        && payLinks.issue(club.club(), reminded(planned.plan()), clock.instant()) > 0) {
      // The plan holds each text as it will be sent: planned again, the reminders carry the
      // provider's new links. Only the links changed, so the actions are the same.
      planned =
          planner.plan(runId, workflow, club.club(), club.policy(), request.at(), request.scope());
    }
    Plan plan = planned.plan();
    RunContext context = planned.context();
    // The same ledger the agent's tools execute through: one path to every side effect.
    PlanLedger ledger =
        request.dryRun() ? PlanLedger.dryRun(planned, executor) : new PlanLedger(planned, executor);
    AgentOutcome agentOutcome = null;
    ShadowDiff shadow = null;
    int completedByRules = 0;
    String modeUsed = request.scope().recordedAs(RunMode.RULES);
    switch (request.mode()) {
      case RULES -> ledger.executeRemaining();
      case AGENT -> {
        KeptHolds.apply(filed, context, ledger);
        agentOutcome = drive(planned, ledger);
        completedByRules = ledger.executeRemaining().size();
        modeUsed =
            agentOutcome.fellBack()
                ? "rules-fallback"
                : agentOutcome.modelAsked() ? "agent" : "rules";
      }
      case SHADOW -> {
        // The agent first, so that it sees the club as the rules saw it when they planned.
        PlanLedger agentLedger = PlanLedger.dryRun(planned, executor);
        agentOutcome = drive(planned, agentLedger);
        ledger.executeRemaining();
        shadow = ShadowComparison.of(ledger, agentLedger);
      }
    }
    if (agentOutcome != null) {
      transcripts.add(runId, agentOutcome.transcript());
    }
    List<RunEvent> events = new ArrayList<>(plan.actions().size());
    List<ReportedAction> reported = new ArrayList<>(plan.actions().size());
    Map<String, Integer> outcomes = new LinkedHashMap<>();
    for (PlanLedger.Entry entry : ledger.entries()) {
      Action action = entry.action();
      String outcome =
          DeferredReview.isDeferred(entry)
              ? DeferredReview.OUTCOME
              : entry.status() == PlanLedger.Status.HELD ? HELD : entry.outcome().code();
      outcomes.merge(
          entry.status() == PlanLedger.Status.HELD
              ? outcome
              : entry.outcome().kind().name().toLowerCase(java.util.Locale.ROOT),
          1,
          Integer::sum);
      // An executed action's event was written with its effect; the rest are written here.
      if (ledger.dryRun() || entry.status() != PlanLedger.Status.EXECUTED) {
        events.add(PlanLedger.event(entry, outcome));
      }
      reported.add(
          new ReportedAction(
              action.member() == null ? null : action.member().value(),
              action.name(),
              action.detail(),
              action.rule(),
              outcome,
              action.effect() instanceof Effect.ToMember toMember ? toMember.message() : null,
              entry.outcome()));
    }
    runs.addEvents(runId, events);
    if (!request.dryRun()) {
      fileApprovals(planned, ledger, request.scope());
    }
    // A run for a few members writes no agency file: an approved list writes its own, of whom it
    // referred.
    List<String> files =
        request.dryRun() || request.scoped()
            ? List.of()
            : writeReports(workflow, club, context, plan);
    boolean failures = outcomes.getOrDefault("failed", 0) > 0;
    return new RunReport(
        runId,
        workflow,
        club.club().id(),
        request.mode(),
        modeUsed,
        request.dryRun(),
        failures ? RunStatus.PARTIAL : RunStatus.SUCCEEDED,
        request.at(),
        plan.summary().recount(carriedOut(ledger)),
        reported,
        plan.skipped(),
        outcomes,
        files,
        failures
            ? Plural.of(outcomes.get("failed"), "action", "actions")
                + " failed; see the run's events"
            : null,
        agentOutcome,
        completedByRules,
        shadow);
  }

  /**
   * Files what the plan withheld, and the agent's holds, each as one approval. A second run of the
   * same period files nothing new: the desk keys approvals to what they cover.
   */
  private void fileApprovals(PlannedRun planned, PlanLedger ledger, RunScope scope) {
    for (Plan.Withheld withheld : planned.plan().withheld()) {
      approvals.file(
          planned, withheld, scope.requestedBy().orElse(withheld.actions().get(0).rule()));
    }
    List<PlanLedger.Entry> held =
        ledger.entries().stream()
            // A kept hold is filed already; a deferred exception is no hold: it waits for the
            // next review, planned again by the policy, with nothing for the manager to decide.
            .filter(
                e ->
                    e.status() == PlanLedger.Status.HELD
                        && !KeptHolds.isKept(e)
                        && !DeferredReview.isDeferred(e))
            .toList();
    if (!held.isEmpty()) {
      String reasons =
          held.stream()
              .map(PlanLedger.Entry::heldReason)
              .filter(java.util.Objects::nonNull)
              .distinct()
              .collect(java.util.stream.Collectors.joining("; "));
      approvals.file(
          planned,
          new Plan.Withheld(
              com.gymops.domain.Approval.Kind.AGENT_HOLD,
              "the agent held "
                  + Plural.of(held.size(), "action", "actions")
                  + (reasons.isEmpty() ? "" : ": " + reasons),
              held.stream().map(PlanLedger.Entry::action).toList()),
          "agent");
    }
  }

  /** The agent never stops a run: a failure of its own is one more reason to fall back. */
  private AgentOutcome drive(PlannedRun planned, PlanLedger ledger) {
    try {
      return agent.drive(planned, ledger);
    } catch (RuntimeException e) {
      return AgentOutcome.notRun(
          "agent_failed",
          "the agent failed: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }

  /** Best effort: the run already failed, and a second failure must not hide the first. */
  private void tellManagerOfFailure(
      ClubSettings club, RunRequest request, String runId, String error) {
    try {
      // At most one failed-run alert per club and hour: the text names the first; runs lists all.
      executor
          .alerts()
          .runFailed(
              club.club(),
              runId,
              request.workflow() + " failed: " + error + " (run " + runId + ")",
              clock.instant());
    } catch (RuntimeException ignored) {
      // The failure is recorded with the run and thrown to the caller.
    }
  }

  /**
   * The actions whose effect happened in this run, or in a dry run would have: what the summary
   * counts, so a rerun that found everything done says it queued nothing.
   */
  private static List<Action> carriedOut(PlanLedger ledger) {
    return ledger.entries().stream()
        .filter(e -> e.status() == PlanLedger.Status.EXECUTED)
        .filter(
            e ->
                e.outcome().kind() == Outcome.Kind.DONE
                    || e.outcome().kind() == Outcome.Kind.PLANNED)
        .map(PlanLedger.Entry::action)
        .toList();
  }

  private List<String> writeReports(
      WorkflowId workflow, ClubSettings club, RunContext context, Plan plan) {
    List<Map<String, Object>> rows = ReportRows.of(plan.summary());
    if (rows.isEmpty()) {
      return List.of();
    }
    return List.of(reports.write(workflow, club.club().id(), context.localDate(), rows));
  }
}
