package com.gymops.application.run;

import com.gymops.application.port.store.Stores;
import com.gymops.config.ClubSettings;
import com.gymops.domain.Member;
import com.gymops.domain.RunEvent;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowRun;
import com.gymops.policy.Action;
import com.gymops.policy.ClubSnapshot;
import com.gymops.policy.MemberSnapshot;
import com.gymops.policy.Plan;
import com.gymops.policy.RunSummary;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A run over a few given members with a plan a person decided rather than a policy: a manual lock,
 * unlock or an approved set of actions. It executes through the same {@link PlanLedger} and {@link
 * ActionExecutor} as every workflow run, and is recorded as a run of its workflow with one event
 * per action, so the run history shows who did what next to what the rules did.
 *
 * <p>It takes no (workflow, club) lease: a person's action must not wait for an hourly run, and the
 * executor's keys keep a concurrent effect from happening twice.
 */
public final class ScopedRun {
  private static final DateTimeFormatter RUN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private final Stores stores;
  private final ActionExecutor executor;
  private final Clock clock;

  public ScopedRun(Stores stores, ActionExecutor executor, Clock clock) {
    this.stores = stores;
    this.executor = executor;
    this.clock = clock;
  }

  /** One action of a scoped run and what became of it. */
  public record Done(Action action, Outcome outcome) {}

  /** The run's id and its actions' outcomes, in plan order. */
  public record Result(String runId, List<Done> done) {
    public boolean failed() {
      return done.stream().anyMatch(d -> d.outcome().kind() == Outcome.Kind.FAILED);
    }
  }

  /**
   * Executes {@code actions} (each of one of {@code members}, as they are now) as one recorded run.
   *
   * @param mode what the run is recorded as, e.g. {@code manual} or {@code approval}
   */
  public Result execute(
      WorkflowId workflow,
      ClubSettings club,
      List<Member> members,
      List<Action> actions,
      String mode) {
    String runId = newRunId(clock.instant());
    Instant now = clock.instant();
    RunContext context = RunContext.of(runId, workflow, club.club(), club.policy(), now);
    ClubSnapshot snapshot =
        new ClubSnapshot(
            club.club(), club.policy(), members.stream().map(MemberSnapshot::of).toList());
    PlannedRun planned =
        new PlannedRun(
            context,
            snapshot,
            new Plan(
                actions, RunSummary.counting(workflow, actions, context.localDate()), Map.of()));
    stores
        .runs()
        .start(
            new WorkflowRun(
                runId,
                workflow,
                club.club().id(),
                mode,
                null,
                false,
                RunStatus.RUNNING,
                now,
                now,
                null,
                null,
                null));
    PlanLedger ledger = new PlanLedger(planned, executor);
    ledger.executeRemaining();
    List<Done> done = new ArrayList<>();
    List<RunEvent> events = new ArrayList<>();
    for (PlanLedger.Entry entry : ledger.entries()) {
      Action action = entry.action();
      done.add(new Done(action, entry.outcome()));
      events.add(
          new RunEvent(
              events.size() + 1,
              action.member(),
              action.name(),
              action.detail(),
              action.rule(),
              RunReportJson.inputs(action.inputs()),
              entry.outcome().code()));
    }
    Result result = new Result(runId, done);
    stores.runs().addEvents(runId, events);
    stores
        .runs()
        .finish(
            runId,
            result.failed() ? RunStatus.PARTIAL : RunStatus.SUCCEEDED,
            mode,
            clock.instant(),
            null,
            result.failed() ? "an action failed; see the run's events" : null);
    return result;
  }

  public static String newRunId(Instant at) {
    return "run-" + RUN_ID_TIME.format(at) + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
