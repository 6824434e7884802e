package com.gymops.application.run;

import com.gymops.domain.MemberId;
import com.gymops.domain.RunEvent;
import com.gymops.policy.Action;
import com.gymops.policy.Effect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
                ? Outcome.failed(ActionExecutor.DOOR_FAILED)
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
   * stop mattering (a commit writes every page its transaction changed and syncs it: at 500, the
   * index pages rewritten by each of a 100,000-member run's 15 transactions were most of what it
   * wrote, docs/BENCHMARKS.md), small enough that a rollback and one-by-one retry after a failure
   * stay cheap and that the embedded store's write lock is held for a fraction of a second.
   */
  static final int BATCH = 2_000;

  /**
   * Executes every action neither executed nor held, in plan order, up to {@link #BATCH} to a
   * transaction (see {@link ActionExecutor#executeUnits}); returns them executed. The door changes
   * of a batch are asked of the door system first, outside any transaction (its call must not hold
   * one open); each one it did is recorded in the batch's transaction together with the member's
   * text and note of the same rule, so a crash never leaves a lock without its text, nor a text
   * without its lock. The text and note of a door change that failed are not done.
   */
  public List<Entry> executeRemaining() {
    List<Entry> pending = entries.stream().filter(e -> e.status() == Status.PENDING).toList();
    if (dryRun) {
      pending.forEach(this::execute);
    } else {
      for (int from = 0; from < pending.size(); from += BATCH) {
        executeBatch(pending.subList(from, Math.min(pending.size(), from + BATCH)));
      }
    }
    return pending.stream().map(entry -> entries.get(entry.index())).toList();
  }

  private void executeBatch(List<Entry> batch) {
    List<List<Entry>> units = new ArrayList<>();
    for (Entry entry : batch) {
      if (entries.get(entry.index()).status() != Status.PENDING
          || claimed.contains(entry.index())) {
        continue; // executed or to be executed with its door change
      }
      if (ActionExecutor.isDoorChange(entry.action().effect())) {
        doorUnit(entry).ifPresent(units::add);
      } else if (doorChangeFailedFor(entry.action())) {
        execute(entry);
      } else {
        units.add(List.of(entry));
        claimed.add(entry.index());
      }
    }
    if (units.isEmpty()) {
      return;
    }
    List<Entry> flat = units.stream().flatMap(List::stream).toList();
    List<Outcome> outcomes =
        executor.executeUnits(
            units.stream().map(unit -> unit.stream().map(this::planned).toList()).toList(),
            run.context(),
            (from, done) -> recordEvents(flat.subList(from, from + done.size()), done));
    for (int i = 0; i < flat.size(); i++) {
      Entry done = flat.get(i).executed(outcomes.get(i));
      entries.set(done.index(), done);
    }
  }

  /**
   * Entries already put in a unit: a companion taken into its door change's unit wherever it stands
   * in the plan is not executed again on its own.
   */
  private final Set<Integer> claimed = new HashSet<>();

  /**
   * Asks the door system for the change; when it did it, the unit of the change and the member's
   * pending actions of the same rule (its text and note), which commit together. Otherwise the
   * change is booked with its outcome and the companions are left to the guard.
   */
  private Optional<List<Entry>> doorUnit(Entry door) {
    Optional<Outcome> asked =
        executor.askDoor(
            planned(door), run.context(), (from, done) -> recordEvents(List.of(door), done));
    if (asked.isPresent()) {
      entries.set(door.index(), door.executed(asked.get()));
      return Optional.empty();
    }
    List<Entry> unit = new ArrayList<>();
    unit.add(entries.get(door.index()));
    for (Entry entry : plannedFor(door.action().member())) {
      if (entry.index() != door.index()
          && entry.status() == Status.PENDING
          && !claimed.contains(entry.index())
          && entry.action().rule().equals(door.action().rule())
          && !ActionExecutor.isDoorChange(entry.action().effect())) {
        unit.add(entry);
        claimed.add(entry.index());
      }
    }
    claimed.add(door.index());
    return Optional.of(unit);
  }

  private ActionExecutor.Planned planned(Entry entry) {
    return new ActionExecutor.Planned(
        entry.action(),
        run.memberOrNull(entry.action().member()),
        claimed.contains(entry.index()) && ActionExecutor.isDoorChange(entry.action().effect()));
  }
}
