package com.gymops.application.run;

import com.gymops.application.port.DoorSystem;
import com.gymops.application.port.store.Stores;
import com.gymops.application.port.store.Transactor;
import com.gymops.domain.Member;
import com.gymops.domain.RunEvent;
import com.gymops.policy.Action;
import com.gymops.policy.Effect;
import com.gymops.policy.MessageTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Carries out planned actions: each action's effects in a transaction with its event, many actions
 * to a transaction when a run executes its plan, and a door change asked of the door system before
 * any transaction. It only coordinates: the keys come from {@link EffectKeys}, the rows from {@link
 * EffectWriter}, the door system's answer from {@link DoorCalls}, the manager's alerts from {@link
 * ManagerAlerts}. It is the only path from a decision to the outbox, the notes, the attempt log,
 * the doors and the referrals — used alike by the rules runner and the agent's tools.
 */
public final class ActionExecutor {
  public static final String AUTHOR = "GymOps";

  /** The outcome of an action whose door change failed: see the plan ledger's guard. */
  public static final String DOOR_FAILED = "not done: the door change it goes with failed";

  private final Transactor transactor;
  private final Stores stores;
  private final EffectWriter writer;
  private final DoorCalls doorCalls;
  private final ManagerAlerts alerts;

  /** An executor whose doors are GymOps' own ({@link DoorSystem#BUILTIN}). */
  public ActionExecutor(Stores stores, MessageTemplates templates) {
    this(stores, templates, DoorSystem.BUILTIN);
  }

  /**
   * @param templates the club's texts, of which the executor renders only the manager's
   */
  public ActionExecutor(Stores stores, MessageTemplates templates, DoorSystem doorSystem) {
    this(stores, new ManagerMessages(stores.outbox(), templates), doorSystem);
  }

  public ActionExecutor(Stores stores, ManagerMessages manager, DoorSystem doorSystem) {
    this.transactor = stores.transactor();
    this.stores = stores;
    this.writer =
        new EffectWriter(
            stores.outbox(),
            stores.attempts(),
            stores.notes(),
            stores.doors(),
            stores.referrals(),
            stores.escalations(),
            manager);
    this.doorCalls = new DoorCalls(stores.doors(), doorSystem);
    this.alerts = new ManagerAlerts(manager);
  }

  /**
   * Records the outcomes of actions (from position {@code from} of those executed together) in the
   * transaction of their effects: a run's events, so no effect survives a crash without its event.
   */
  @FunctionalInterface
  public interface Audit {
    Audit NONE = (from, outcomes) -> {};

    void record(int from, List<Outcome> outcomes);
  }

  /**
   * One action and its member (null for club-level actions) for {@link #executeAll}; {@code
   * doorAsked}: a door change the door system already did ({@link #askDoor}), so only its record is
   * left to write.
   */
  public record Planned(Action action, Member member, boolean doorAsked) {
    public Planned(Action action, Member member) {
      this(action, member, false);
    }

    /** A door change that is still to be asked of the door system. */
    boolean waitsForDoor() {
      return isDoorChange(action.effect()) && !doorAsked;
    }
  }

  /**
   * Executes the action for {@code member} (null for club-level actions).
   *
   * @return what happened; never throws for a refused or impossible effect, which is reported as
   *     its outcome
   */
  public Outcome execute(Action action, Member member, RunContext run) {
    return execute(action, member, run, null);
  }

  /**
   * Executes the action under {@code idempotencyKey} instead of the plan's key: see {@link
   * EffectKeys#of(Action, Member, RunContext, String)}.
   */
  public Outcome execute(Action action, Member member, RunContext run, String idempotencyKey) {
    return execute(action, member, run, idempotencyKey, Audit.NONE);
  }

  /**
   * {@link #execute(Action, Member, RunContext, String)}, recording the outcome with {@code audit}.
   * A door change is asked of the door system first, outside any transaction; the record of a
   * change it did is then one transaction with its event.
   */
  public Outcome execute(
      Action action, Member member, RunContext run, String idempotencyKey, Audit audit) {
    if (isDoorChange(action.effect())) {
      Optional<Outcome> settled = askDoor(new Planned(action, member), idempotencyKey, run, audit);
      return settled.orElseGet(
          () ->
              recordConfirmed(
                      List.of(new Planned(action, member, true)), idempotencyKey, run, audit)
                  .get(0));
    }
    try {
      return transactor.inTransaction(
          () -> {
            EffectWriter.Batch batch = writer.batch(run);
            batch.add(action, member, idempotencyKey, false);
            List<Outcome> outcomes = batch.write();
            audit.record(0, outcomes);
            return outcomes.get(0);
          });
    } catch (RuntimeException e) {
      // The effect was rolled back: its failure is recorded on its own.
      Outcome failed = Outcome.failed(reason(e));
      audit.record(0, List.of(failed));
      return failed;
    }
  }

  /** Writes run events; the {@link Audit} of a run calls it inside its effects' transaction. */
  public void recordEvents(String runId, List<RunEvent> events) {
    stores.runs().addEvents(runId, events);
  }

  /**
   * Executes the actions in order, in one transaction: a commit per action made a run over 100,000
   * members spend more time committing than deciding (docs/BENCHMARKS.md). If any effect throws,
   * that transaction is rolled back and the actions are executed one by one, each in its own, so
   * one bad action cannot fail its neighbours: the outcomes are those {@link #execute} would give.
   *
   * @return the outcomes, in the order of {@code actions}
   */
  public List<Outcome> executeAll(List<Planned> actions, RunContext run) {
    return executeAll(actions, run, Audit.NONE);
  }

  /** {@link #executeAll(List, RunContext)}, recording the outcomes with {@code audit}. */
  public List<Outcome> executeAll(List<Planned> actions, RunContext run, Audit audit) {
    return executeUnits(actions.stream().map(List::of).toList(), run, audit);
  }

  /**
   * Executes units of actions in one transaction, their rows written with one JDBC batch per table
   * (outbox, attempts, notes), their events with them. A unit is what must commit together: one
   * action, or a door change the door system confirmed ({@link #askDoor}) with the member's text
   * and note of the same rule. If any effect throws, the transaction is rolled back and each unit
   * is executed in a transaction of its own, so one bad action fails only its unit. A door change
   * not yet asked is executed on its own, its call outside any transaction.
   *
   * @return the outcomes, in the order of the units' actions
   * @throws IllegalArgumentException for a unit of several actions whose door change was not asked
   */
  public List<Outcome> executeUnits(List<List<Planned>> units, RunContext run, Audit audit) {
    for (List<Planned> unit : units) {
      if (unit.size() > 1 && unit.stream().anyMatch(Planned::waitsForDoor)) {
        throw new IllegalArgumentException(
            "a door change is asked of the door system (askDoor) before its unit is executed");
      }
    }
    List<Planned> actions = units.stream().flatMap(List::stream).toList();
    if (actions.stream().noneMatch(Planned::waitsForDoor)) {
      try {
        return transactor.inTransaction(
            () -> {
              EffectWriter.Batch batch = writer.batch(run);
              for (Planned planned : actions) {
                batch.add(planned.action(), planned.member(), null, planned.doorAsked());
              }
              List<Outcome> outcomes = batch.write();
              audit.record(0, outcomes);
              return outcomes;
            });
      } catch (RuntimeException e) {
        // Rolled back: each unit again on its own, below.
      }
    }
    List<Outcome> outcomes = new ArrayList<>(actions.size());
    for (List<Planned> unit : units) {
      int position = outcomes.size();
      Audit shifted = (from, done) -> audit.record(position + from, done);
      outcomes.addAll(executeUnit(unit, run, shifted));
    }
    return outcomes;
  }

  /** One unit on its own: see {@link #executeUnits}. */
  private List<Outcome> executeUnit(List<Planned> unit, RunContext run, Audit audit) {
    Planned first = unit.get(0);
    if (unit.size() == 1 && !first.doorAsked()) {
      return List.of(execute(first.action(), first.member(), run, null, audit));
    }
    return recordConfirmed(unit, null, run, audit);
  }

  /**
   * Records a door change the door system did ({@code unit}'s first action, under {@code planKey}
   * when not null) with its companions, in one transaction with their events.
   */
  private List<Outcome> recordConfirmed(
      List<Planned> unit, String planKey, RunContext run, Audit audit) {
    try {
      return transactor.inTransaction(
          () -> {
            EffectWriter.Batch batch = writer.batch(run);
            for (int i = 0; i < unit.size(); i++) {
              Planned planned = unit.get(i);
              batch.add(
                  planned.action(), planned.member(), i == 0 ? planKey : null, planned.doorAsked());
            }
            List<Outcome> outcomes = batch.write();
            audit.record(0, outcomes);
            return outcomes;
          });
    } catch (RuntimeException e) {
      // The door system did it but nothing could be recorded: the next run asks again (the door
      // system's change is idempotent) and records it then, with the text and note.
      List<Outcome> failed = new ArrayList<>(unit.size());
      failed.add(Outcome.failed("door changed but not recorded: " + reason(e)));
      for (int i = 1; i < unit.size(); i++) {
        failed.add(Outcome.failed(DOOR_FAILED));
      }
      audit.record(0, failed);
      return failed;
    }
  }

  /**
   * Asks the door system for a door change, outside any transaction: its call may take its timeouts
   * and retries, and no transaction may wait on it.
   *
   * @return empty when the door system did the change ({@link DoorAnswer.Kind#CONFIRMED}), which is
   *     then to be recorded ({@link Planned#doorAsked}) with its companions in their transaction;
   *     otherwise the change's outcome (recorded before, or failed), already recorded with {@code
   *     audit}
   */
  public Optional<Outcome> askDoor(Planned door, RunContext run, Audit audit) {
    return askDoor(door, null, run, audit);
  }

  private Optional<Outcome> askDoor(Planned door, String planKey, RunContext run, Audit audit) {
    Outcome settled;
    try {
      Optional<Outcome> answered = ask(door, planKey, run);
      if (answered.isEmpty()) {
        return answered;
      }
      settled = answered.get();
    } catch (RuntimeException e) {
      settled = Outcome.failed(reason(e));
    }
    audit.record(0, List.of(settled));
    return Optional.of(settled);
  }

  /** The door system's answer as the action's outcome; a refusal is told to the manager. */
  private Optional<Outcome> ask(Planned door, String planKey, RunContext run) {
    if (!(door.action().effect() instanceof Effect.DoorChange change)) {
      throw new IllegalArgumentException(door.action().name() + " is not a door change");
    }
    Member member = door.member();
    if (member == null) {
      throw new IllegalArgumentException(change.name() + " needs a member");
    }
    DoorAnswer answer =
        doorCalls.ask(member, change.target(), EffectKeys.of(door.action(), member, run, planKey));
    if (answer.kind() == DoorAnswer.Kind.REFUSED) {
      alerts.doorFailed(run, member, change.target(), answer.error());
    }
    return answer.settled();
  }

  static boolean isDoorChange(Effect effect) {
    return effect instanceof Effect.DoorChange;
  }

  /**
   * The text the action will send to the member (or the manager), as planned, for an approval to
   * show; empty for effects that send nothing.
   */
  public static Optional<String> preview(Action action) {
    Effect effect = action.effect();
    if (effect instanceof Effect.NotifyManager notify) {
      return Optional.of(notify.text());
    }
    if (effect instanceof Effect.ToMember toMember && toMember.message() != null) {
      return Optional.of(toMember.message().text());
    }
    return Optional.empty();
  }

  /** The manager's alerts, for a run that failed. */
  ManagerAlerts alerts() {
    return alerts;
  }

  private static String reason(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
