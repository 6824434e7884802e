package com.gymops.workflow;

import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.RunEvent;
import com.gymops.policy.Action;
import com.gymops.policy.Effect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The book of one run's plan: which planned actions were executed (with their outcome), which were
 * held for a person, which are still pending. Every side effect of a run goes through {@link
 * #execute}, so nothing happens that the policy did not plan, and nothing planned happens twice in
 * a run. The rules runner and the agent's tools share it; the agent's guard builds on {@link
 * #match}.
 *
 * <p>Not thread-safe: one run, one thread.
 */
public final class PlanLedger {
  /** Where a planned action stands. */
  public enum Status {
    PENDING,
    EXECUTED,
    HELD
  }

  /** One planned action, in plan order, with its state. */
  public record Entry(int index, Action action, Status status, Outcome outcome, String heldReason) {
    Entry executed(Outcome result) {
      return new Entry(index, action, Status.EXECUTED, result, null);
    }

    Entry held(String reason) {
      return new Entry(index, action, Status.HELD, null, reason);
    }
  }

  /**
   * What the plan says about a requested effect: a pending entry that may be executed, one already
   * executed or held, or nothing planned ({@code entry} null).
   */
  public record Match(Status status, Entry entry) {
    public boolean isPlanned() {
      return entry != null;
    }
  }

  private final PlannedRun run;
  private final ActionExecutor executor;
  private final List<Entry> entries;
  private final boolean dryRun;

  /** Plan positions by member (null: club-level), so a per-member lookup is not a scan. */
  private final Map<MemberId, List<Integer>> byMember = new HashMap<>();

  public PlanLedger(PlannedRun run, ActionExecutor executor) {
    this(run, executor, false);
  }

  /**
   * A ledger that books every execution as {@link Outcome#planned()} and changes nothing: for a dry
   * run, and for the agent of a shadow run, whose calls the guard checks like any other.
   */
  public static PlanLedger dryRun(PlannedRun run, ActionExecutor executor) {
    return new PlanLedger(run, executor, true);
  }

  private PlanLedger(PlannedRun run, ActionExecutor executor, boolean dryRun) {
    this.dryRun = dryRun;
    this.run = Objects.requireNonNull(run, "run");
    this.executor = Objects.requireNonNull(executor, "executor");
    List<Action> actions = run.plan().actions();
    this.entries = new ArrayList<>(actions.size());
    for (int i = 0; i < actions.size(); i++) {
      entries.add(new Entry(i, actions.get(i), Status.PENDING, null, null));
      byMember.computeIfAbsent(actions.get(i).member(), member -> new ArrayList<>()).add(i);
    }
  }

  public PlannedRun run() {
    return run;
  }

  /** Whether executing only books the action as planned. */
  public boolean dryRun() {
    return dryRun;
  }

  /** Every planned action with its state, in plan order. */
  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** The planned actions of one member ({@code null}: the club-level ones), in plan order. */
  public List<Entry> plannedFor(MemberId member) {
    return byMember.getOrDefault(member, List.of()).stream().map(entries::get).toList();
  }

  /**
   * Looks for a planned action of {@code member} whose effect is {@code wanted}: the first pending
   * one, else the first executed or held one, else none.
   */
  public Match match(MemberId member, Predicate<Effect> wanted) {
    Entry settled = null;
    for (Entry entry : plannedFor(member)) {
      if (!wanted.test(entry.action().effect())) {
        continue;
      }
      if (entry.status() == Status.PENDING) {
        return new Match(Status.PENDING, entry);
      }
      if (settled == null) {
        settled = entry;
      }
    }
    return settled == null ? new Match(null, null) : new Match(settled.status(), settled);
  }

  /**
   * Executes one pending planned action.
   *
   * @throws IllegalStateException when it was executed or held already
   */
  public Outcome execute(Entry entry) {
    Entry current = entries.get(entry.index());
    if (current.status() != Status.PENDING) {
      throw new IllegalStateException(
          "planned action " + entry.index() + " is " + current.status() + ", not PENDING");
    }
    Action action = current.action();
    Outcome outcome =
        dryRun
            ? Outcome.planned()
            : doorChangeFailedFor(action)
                ? Outcome.failed("not done: the door change it goes with failed")
                : executor.execute(
                    action,
                    run.memberOrNull(action.member()),
                    run.context(),
                    null,
                    (from, outcomes) -> recordEvents(List.of(current), outcomes));
    entries.set(entry.index(), current.executed(outcome));
    return outcome;
  }

  /**
   * Whether this action goes with a door change of the same member and rule that failed: the member
   * must not be told "your access is suspended", nor a note say so, when the door system did not do
   * it.
   */
  private boolean doorChangeFailedFor(Action action) {
    if (action.member() == null || ActionExecutor.isDoorChange(action.effect())) {
      return false;
    }
    return plannedFor(action.member()).stream()
        .anyMatch(
            entry ->
                entry.status() == Status.EXECUTED
                    && entry.action().rule().equals(action.rule())
                    && ActionExecutor.isDoorChange(entry.action().effect())
                    && entry.outcome().kind() == Outcome.Kind.FAILED);
  }

  /**
   * The events of executed actions, written in their effects' transaction (see {@link
   * ActionExecutor.Audit}): a run killed mid-way leaves every effect it committed with its event.
   */
  private void recordEvents(List<Entry> executed, List<Outcome> outcomes) {
    List<RunEvent> events = new ArrayList<>(executed.size());
    for (int i = 0; i < executed.size(); i++) {
      events.add(event(executed.get(i), outcomes.get(i).code()));
    }
    executor.recordEvents(run.context().runId(), events);
  }

  /** The run event of a planned action: its plan position is its sequence number. */
  static RunEvent event(Entry entry, String outcome) {
    Action action = entry.action();
    return new RunEvent(
        entry.index() + 1,
        action.member(),
        action.name(),
        action.detail(),
        action.rule(),
        RunReportJson.inputs(action.inputs()),
        outcome);
  }

  /** Marks every pending action of the member as held; returns how many were. */
  public int hold(MemberId member, String reason) {
    int held = 0;
    for (Entry entry : plannedFor(member)) {
      if (entry.status() == Status.PENDING) {
        entries.set(entry.index(), entry.held(reason));
        held++;
      }
    }
    return held;
  }

  /**
   * How many actions share a transaction in {@link #executeRemaining}: large enough that commits
   * stop mattering, small enough that a rollback and one-by-one retry after a failure stay cheap.
   */
  static final int BATCH = 500;

  /**
   * Executes every action neither executed nor held, in plan order, up to {@link #BATCH} to a
   * transaction (see {@link ActionExecutor#executeAll}); returns them executed. A door change runs
   * on its own, outside any batch: the door system's call must not hold a transaction open, and the
   * member's "access suspended" text and note that follow it must see whether it failed.
   */
  public List<Entry> executeRemaining() {
    List<Entry> pending = entries.stream().filter(e -> e.status() == Status.PENDING).toList();
    List<Entry> batch = new ArrayList<>(BATCH);
    for (Entry entry : pending) {
      if (entries.get(entry.index()).status() != Status.PENDING) {
        continue; // executed with its door change
      }
      if (!dryRun && ActionExecutor.isDoorChange(entry.action().effect())) {
        executeBatch(batch);
        executeDoorGroup(entry);
        continue;
      }
      boolean alone = dryRun || doorChangeFailedFor(entry.action());
      if (alone) {
        executeBatch(batch);
        execute(entry);
      } else {
        batch.add(entry);
        if (batch.size() == BATCH) {
          executeBatch(batch);
        }
      }
    }
    executeBatch(batch);
    return pending.stream().map(entry -> entries.get(entry.index())).toList();
  }

  /**
   * A door change with the member's pending actions of the same rule (its text and note), which
   * commit together once the door system did it: see {@link ActionExecutor#executeDoorGroup}.
   */
  private void executeDoorGroup(Entry door) {
    List<Entry> group = new ArrayList<>();
    group.add(door);
    for (Entry entry : plannedFor(door.action().member())) {
      if (entry.index() != door.index()
          && entry.status() == Status.PENDING
          && entry.action().rule().equals(door.action().rule())
          && !ActionExecutor.isDoorChange(entry.action().effect())) {
        group.add(entry);
      }
    }
    Member member = run.memberOrNull(door.action().member());
    List<ActionExecutor.Planned> companions =
        group.subList(1, group.size()).stream()
            .map(e -> new ActionExecutor.Planned(e.action(), member))
            .toList();
    List<Outcome> outcomes =
        executor.executeDoorGroup(
            new ActionExecutor.Planned(door.action(), member),
            companions,
            run.context(),
            (from, done) -> recordEvents(group.subList(from, from + done.size()), done));
    for (int i = 0; i < outcomes.size(); i++) {
      Entry done = group.get(i).executed(outcomes.get(i));
      entries.set(done.index(), done);
    }
  }

  private void executeBatch(List<Entry> batch) {
    if (batch.isEmpty()) {
      return;
    }
    List<Outcome> outcomes =
        executor.executeAll(
            batch.stream()
                .map(
                    e ->
                        new ActionExecutor.Planned(
                            e.action(), run.memberOrNull(e.action().member())))
                .toList(),
            run.context(),
            (from, done) -> recordEvents(batch.subList(from, from + done.size()), done));
    for (int i = 0; i < batch.size(); i++) {
      Entry done = batch.get(i).executed(outcomes.get(i));
      entries.set(done.index(), done);
    }
    batch.clear();
  }
}
