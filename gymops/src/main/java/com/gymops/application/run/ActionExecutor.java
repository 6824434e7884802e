package com.gymops.application.run;

import com.gymops.application.port.DoorSystem;
import com.gymops.application.port.store.AttemptStore.KeyedAttempt;
import com.gymops.application.port.store.NoteStore;
import com.gymops.application.port.store.Stores;
import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.Note;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.Referral;
import com.gymops.domain.RunEvent;
import com.gymops.policy.Action;
import com.gymops.policy.DoorAccessPolicy;
import com.gymops.policy.Effect;
import com.gymops.policy.EscalationReason;
import com.gymops.policy.MessageTemplates;
import com.gymops.policy.PastDueMonitoringPolicy;
import com.gymops.policy.PlannedMessage;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns one planned action into its side effects, each under an idempotency key, in one
 * transaction. It only executes: the plan already holds every message's channel, recipient, text,
 * segments and send time, and the executor adds the key and nothing else. It is the only path from
 * a decision to the outbox, the notes, the attempt log, the doors and the referrals — used alike by
 * the rules runner and the agent's tools.
 */
public final class ActionExecutor {
  public static final String AUTHOR = "GymOps";
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

  /** The rules whose actions (lock, message, note) belong to one payment lock. */
  private static final Set<String> LOCK_RULES =
      Set.of(DoorAccessPolicy.RULE_LOCK, PastDueMonitoringPolicy.RULE_LOCK);

  private static final String NO_ROUTE = "no phone that accepts texts and no email";

  private final Stores stores;
  private final MessageTemplates templates;
  private final ManagerMessages managerMessages;
  private final DoorSystem doorSystem;
  private final String payLinkTemplate;

  /** An executor whose doors are GymOps' own ({@link DoorSystem#BUILTIN}). */
  public ActionExecutor(Stores stores, MessageTemplates templates) {
    this(stores, templates, DoorSystem.BUILTIN);
  }

  /** Without a pay-link template: only members' own links are offered. */
  public ActionExecutor(Stores stores, MessageTemplates templates, DoorSystem doorSystem) {
    this(stores, templates, doorSystem, null);
  }

  /**
   * @param payLinkTemplate {@code messaging.pay_link}, or null
   */
  public ActionExecutor(
      Stores stores, MessageTemplates templates, DoorSystem doorSystem, String payLinkTemplate) {
    this.stores = stores;
    this.templates = templates;
    this.managerMessages = new ManagerMessages(stores.outbox(), templates);
    this.doorSystem = doorSystem;
    this.payLinkTemplate = payLinkTemplate;
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
   * Executes the action under {@code idempotencyKey} instead of the default key (workflow, club,
   * period, member, action): for an effect outside the plan that must not take a planned action's
   * key, such as the manager-review note of a hold. Effects that are once-only by their own rule
   * (invoice per month, lock per delinquency, marketing per day, referral, manager text per day)
   * keep that rule's key.
   */
  public Outcome execute(Action action, Member member, RunContext run, String idempotencyKey) {
    return execute(action, member, run, idempotencyKey, Audit.NONE);
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
   * {@link #execute(Action, Member, RunContext, String)}, recording the outcome with {@code audit}.
   */
  public Outcome execute(
      Action action, Member member, RunContext run, String idempotencyKey, Audit audit) {
    try {
      if (isDoorChange(action.effect())) {
        // The door system's call may take its timeouts and retries: no transaction waits on it.
        // The record that follows is one transaction of its own, the event right after it.
        Outcome outcome = apply(action, member, run, idempotencyKey);
        audit.record(0, List.of(outcome));
        return outcome;
      }
      return stores
          .transactor()
          .inTransaction(
              () -> {
                Outcome outcome = apply(action, member, run, idempotencyKey);
                audit.record(0, List.of(outcome));
                return outcome;
              });
    } catch (RuntimeException e) {
      // The effect was rolled back: its failure is recorded on its own.
      Outcome failed =
          Outcome.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      audit.record(0, List.of(failed));
      return failed;
    }
  }

  /** Writes run events; the {@link Audit} of a run calls it inside its effects' transaction. */
  public void recordEvents(String runId, List<RunEvent> events) {
    stores.runs().addEvents(runId, events);
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
  }

  /**
   * Executes the actions in order, in one transaction: a commit per action made a run over 100,000
   * members spend more time committing than deciding (issue 7). If any effect throws, that
   * transaction is rolled back and the actions are executed one by one, each in its own, so one bad
   * action cannot fail its neighbours: the outcomes are those {@link #execute} would give.
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
   * is executed in a transaction of its own, so one bad action fails only its unit.
   *
   * @return the outcomes, in the order of the units' actions
   */
  public List<Outcome> executeUnits(List<List<Planned>> units, RunContext run, Audit audit) {
    List<Planned> actions = units.stream().flatMap(List::stream).toList();
    try {
      return stores
          .transactor()
          .inTransaction(
              () -> {
                List<Outcome> outcomes = new BatchedWrites(run).apply(actions);
                audit.record(0, outcomes);
                return outcomes;
              });
    } catch (RuntimeException e) {
      List<Outcome> outcomes = new ArrayList<>(actions.size());
      for (List<Planned> unit : units) {
        int position = outcomes.size();
        outcomes.addAll(
            executeUnit(unit, run, (from, done) -> audit.record(position + from, done)));
      }
      return outcomes;
    }
  }

  /** One unit on its own: see {@link #executeUnits}. */
  private List<Outcome> executeUnit(List<Planned> unit, RunContext run, Audit audit) {
    if (unit.size() == 1 && !unit.get(0).doorAsked()) {
      Planned planned = unit.get(0);
      return List.of(execute(planned.action(), planned.member(), run, null, audit));
    }
    try {
      return stores
          .transactor()
          .inTransaction(
              () -> {
                List<Outcome> outcomes = new ArrayList<>(unit.size());
                for (Planned planned : unit) {
                  outcomes.add(apply(planned, run));
                }
                audit.record(0, outcomes);
                return outcomes;
              });
    } catch (RuntimeException e) {
      // The door system did it but nothing could be recorded: the next run asks again (the door
      // system's change is idempotent) and records it then, with the text and note.
      List<Outcome> failed = new ArrayList<>(unit.size());
      failed.add(
          Outcome.failed(
              "door changed but not recorded: "
                  + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
      for (int i = 1; i < unit.size(); i++) {
        failed.add(Outcome.failed(DOOR_FAILED));
      }
      audit.record(0, failed);
      return failed;
    }
  }

  /** The outcome of an action whose door change failed: see the plan ledger's guard. */
  public static final String DOOR_FAILED = "not done: the door change it goes with failed";

  /**
   * Asks the door system for a door change, outside any transaction: its call may take its timeouts
   * and retries, and no transaction may wait on it.
   *
   * @return empty when the door system did the change, which is then to be recorded ({@link
   *     Planned#doorAsked}) with its companions in their transaction; otherwise the change's
   *     outcome (recorded before, or failed), already recorded with {@code audit}
   */
  public Optional<Outcome> askDoor(Planned door, RunContext run, Audit audit) {
    Outcome asked;
    try {
      asked = apply(door.action(), door.member(), run, null, DoorStep.ASK_ONLY);
    } catch (RuntimeException e) {
      asked =
          Outcome.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    if (asked.kind() == Outcome.Kind.DONE && CONFIRMED.equals(asked.message())) {
      return Optional.empty();
    }
    audit.record(0, List.of(asked));
    return Optional.of(asked);
  }

  private Outcome apply(Planned planned, RunContext run) {
    return apply(
        planned.action(),
        planned.member(),
        run,
        null,
        planned.doorAsked() ? DoorStep.RECORD_ONLY : DoorStep.ASK_AND_RECORD);
  }

  /**
   * The effects of a batch of actions inside its transaction: the texts (and the attempts of those
   * that are collection attempts) and the notes of all of them, each table in one JDBC batch; every
   * other effect (door records, referrals, manager texts, unreachable members) one by one as {@link
   * #execute} does them. Keys decide as they do one by one: a row whose key is taken, by a stored
   * row or an earlier action of the batch, is not written, and its action is already done.
   */
  private final class BatchedWrites {
    private final RunContext run;
    private final List<Integer> textAt = new ArrayList<>();
    private final List<OutboundMessage> texts = new ArrayList<>();
    private final List<AttemptKind> textAttempts = new ArrayList<>();
    private final List<Integer> noteAt = new ArrayList<>();
    private final List<NoteStore.KeyedNote> notes = new ArrayList<>();
    private final List<Effect.AddNote> noteEffects = new ArrayList<>();

    BatchedWrites(RunContext run) {
      this.run = run;
    }

    List<Outcome> apply(List<Planned> actions) {
      Outcome[] outcomes = new Outcome[actions.size()];
      for (int i = 0; i < actions.size(); i++) {
        Planned planned = actions.get(i);
        if (!collect(i, planned)) {
          outcomes[i] = ActionExecutor.this.apply(planned, run);
        }
      }
      boolean[] queued = stores.outbox().enqueueAll(texts);
      List<KeyedAttempt> attempts = new ArrayList<>();
      for (int j = 0; j < texts.size(); j++) {
        OutboundMessage text = texts.get(j);
        if (!queued[j]) {
          outcomes[textAt.get(j)] = Outcome.alreadyDone();
          continue;
        }
        outcomes[textAt.get(j)] = Outcome.done("queued by " + text.channel().code());
        if (textAttempts.get(j) != null) {
          attempts.add(
              new KeyedAttempt(
                  new CollectionAttempt(
                      text.memberId(),
                      run.now(),
                      textAttempts.get(j),
                      text.channel(),
                      AttemptOutcome.SENT),
                  text.idempotencyKey() + ":attempt",
                  run.runId()));
        }
      }
      stores.attempts().addAll(attempts);
      boolean[] added = stores.notes().addAll(notes);
      for (int j = 0; j < notes.size(); j++) {
        NoteStore.KeyedNote note = notes.get(j);
        if (added[j]) {
          escalate(note.note().memberId(), run, note.idempotencyKey(), noteEffects.get(j));
        }
        outcomes[noteAt.get(j)] = added[j] ? Outcome.done("noted") : Outcome.alreadyDone();
      }
      return List.of(outcomes);
    }

    /** Whether the action's effect is one of the batched rows, which it then adds. */
    private boolean collect(int position, Planned planned) {
      Action action = planned.action();
      Member member = planned.member();
      Effect effect = action.effect();
      if (member == null) {
        return false;
      }
      if (effect instanceof Effect.AddNote note) {
        noteAt.add(position);
        notes.add(
            new NoteStore.KeyedNote(
                new Note(
                    member.id(), run.now(), note.priority(), note.category(), note.text(), AUTHOR),
                key(action, member, run),
                run.runId()));
        noteEffects.add(note);
        return true;
      }
      if (!(effect instanceof Effect.ToMember toMember) || toMember.message() == null) {
        return false;
      }
      // The same keys as one by one: see Execution.
      String key;
      AttemptKind attempt;
      if (effect instanceof Effect.SendReminder reminder) {
        key = key(action, member, run);
        attempt = reminder.attemptKind();
      } else if (effect instanceof Effect.SendInvoice) {
        key = invoiceKey(member, run);
        attempt = AttemptKind.INVOICE;
      } else if (effect instanceof Effect.SendCampaign) {
        key = marketingKey(member, run);
        attempt = null;
      } else if (effect instanceof Effect.SendMessage) {
        key = key(action, member, run);
        attempt = null;
      } else {
        return false;
      }
      textAt.add(position);
      texts.add(outbound(member, run, key, toMember.message()));
      textAttempts.add(attempt);
      return true;
    }
  }

  private Outcome apply(Action action, Member member, RunContext run, String keyOverride) {
    return apply(action, member, run, keyOverride, DoorStep.ASK_AND_RECORD);
  }

  private Outcome apply(
      Action action, Member member, RunContext run, String keyOverride, DoorStep doorStep) {
    Effect effect = action.effect();
    if (!(effect instanceof Effect.NotifyManager) && member == null) {
      throw new IllegalArgumentException(effect.name() + " needs a member");
    }
    String key = keyOverride != null ? keyOverride : key(action, member, run);
    return effect.accept(new Execution(action, member, run, key, doorStep));
  }

  /**
   * Which part of a door change an execution does: both (one action alone), or, for a door change
   * with its companions ({@link #executeDoorGroup}), asking the door system outside any transaction
   * and then recording inside the companions' transaction.
   */
  private enum DoorStep {
    ASK_AND_RECORD,
    ASK_ONLY,
    RECORD_ONLY
  }

  /** What {@link DoorStep#ASK_ONLY} answers when the door system did the change. */
  private static final String CONFIRMED = "door system confirmed";

  /** Every kind of effect of one action, carried out under the action's key. */
  private final class Execution implements Effect.Handler<Outcome> {
    private final Action action;
    private final Member member;
    private final RunContext run;
    private final String key;
    private final DoorStep doorStep;

    Execution(Action action, Member member, RunContext run, String key, DoorStep doorStep) {
      this.action = action;
      this.member = member;
      this.run = run;
      this.key = key;
      this.doorStep = doorStep;
    }

    @Override
    public Outcome reminder(Effect.SendReminder reminder) {
      return sendCollection(member, run, key, reminder.message(), reminder.attemptKind());
    }

    @Override
    public Outcome invoice(Effect.SendInvoice invoice) {
      // One invoice per member per month, whatever reruns.
      return sendCollection(
          member, run, invoiceKey(member, run), invoice.message(), AttemptKind.INVOICE);
    }

    @Override
    public Outcome campaign(Effect.SendCampaign campaign) {
      if (campaign.message() == null) {
        return Outcome.undeliverable("no consent to marketing texts or no phone");
      }
      // One marketing message per member per club-local day, whatever reruns or templates.
      return queue(member, run, marketingKey(member, run), campaign);
    }

    @Override
    public Outcome message(Effect.SendMessage message) {
      if (message.message() == null) {
        return Outcome.undeliverable(NO_ROUTE);
      }
      return queue(member, run, key, message);
    }

    @Override
    public Outcome lock(Effect.LockDoor lock) {
      // One lock per delinquency: if staff lift it by hand, GymOps does not fight them.
      return changeDoor(member, run, lockKey(member), DoorAccess.LOCKED_FOR_PAYMENT, doorStep);
    }

    @Override
    public Outcome unlock(Effect.UnlockDoor unlock) {
      return changeDoor(member, run, key, DoorAccess.OPEN, doorStep);
    }

    @Override
    public Outcome manualLock(Effect.ManualLock lock) {
      // Each manual run is its own request: a lock, an unlock and a lock again in one hour all go.
      return changeDoor(
          member, run, manualKey(action, member, run), DoorAccess.LOCKED_OTHER, doorStep);
    }

    @Override
    public Outcome manualUnlock(Effect.ManualUnlock unlock) {
      return changeDoor(member, run, manualKey(action, member, run), DoorAccess.OPEN, doorStep);
    }

    @Override
    public Outcome note(Effect.AddNote note) {
      return addNote(member, run, key, note);
    }

    @Override
    public Outcome referral(Effect.ReferToCollections referral) {
      return refer(member, run, referral);
    }

    @Override
    public Outcome manager(Effect.NotifyManager notify) {
      // One text per rule per club per club-local day: an hourly workflow must not page hourly.
      return notifyManager(
          run,
          run.workflow().id() + ":" + run.club().id() + ":" + run.localDate() + ":" + action.rule(),
          notify.text());
    }
  }

  /**
   * The default key: workflow, club, period, member and the action itself. A lock's message and
   * note are keyed to the lock instead, once per delinquency like the lock: after staff reopen a
   * door by hand, the hourly runs plan the lock again, and must not tell the member each hour that
   * they are locked out.
   */
  private static String key(Action action, Member member, RunContext run) {
    if (member != null && action.rule().equals(DoorAccessPolicy.WARN_RULE)) {
      // One warning per delinquency, whatever hour of the warning days the runs plan it.
      return "door:warn:" + member.id() + ":" + member.pastDueSince();
    }
    if (member != null && LOCK_RULES.contains(action.rule())) {
      // The lock's text has one key whichever workflow locks and whatever effect carries it (a
      // past-due lock's reminder or door-access's message): the member hears of a lock once.
      return action.effect() instanceof Effect.ToMember
          ? lockKey(member) + ":message"
          : lockKey(member) + ":" + action.name() + ":" + action.detail();
    }
    return run.workflow().id()
        + ":"
        + run.club().id()
        + ":"
        + run.period()
        + ":"
        + (member == null ? "-" : member.id().value())
        + ":"
        + action.name()
        + ":"
        + action.detail();
  }

  private static String invoiceKey(Member member, RunContext run) {
    return "invoice:" + member.id() + ":" + MONTH.format(run.localDate());
  }

  private static String marketingKey(Member member, RunContext run) {
    return "marketing:" + member.id() + ":" + run.localDate();
  }

  private static String manualKey(Action action, Member member, RunContext run) {
    return "manual:" + run.runId() + ":" + member.id() + ":" + action.name();
  }

  private static String lockKey(Member member) {
    return "door:lock:" + member.id() + ":" + member.pastDueSince();
  }

  private Outcome sendCollection(
      Member member, RunContext run, String key, PlannedMessage message, AttemptKind kind) {
    if (message == null) {
      // An unreachable member still has a failed attempt on file: it feeds the escalation rule.
      boolean added = logAttempt(member, run, key, kind, Channel.SMS, AttemptOutcome.FAILED);
      return added ? Outcome.undeliverable(NO_ROUTE) : Outcome.alreadyDone();
    }
    Optional<Long> queued = enqueue(member, run, key, message);
    if (queued.isEmpty()) {
      return Outcome.alreadyDone();
    }
    logAttempt(member, run, key, kind, message.channel(), AttemptOutcome.SENT);
    return Outcome.done("queued by " + message.channel().code());
  }

  private boolean logAttempt(
      Member member,
      RunContext run,
      String key,
      AttemptKind kind,
      Channel channel,
      AttemptOutcome outcome) {
    return stores
            .attempts()
            .addAll(
                List.of(
                    new KeyedAttempt(
                        new CollectionAttempt(member.id(), run.now(), kind, channel, outcome),
                        key + ":attempt",
                        run.runId())))
        == 1;
  }

  private Outcome queue(Member member, RunContext run, String key, Effect.ToMember effect) {
    PlannedMessage message = effect.message();
    return enqueue(member, run, key, message)
        .map(id -> Outcome.done("queued by " + message.channel().code()))
        .orElseGet(Outcome::alreadyDone);
  }

  /** The planned message as it is, into the outbox: the executor adds only the key and the run. */
  private Optional<Long> enqueue(
      Member member, RunContext run, String key, PlannedMessage message) {
    return stores.outbox().enqueue(outbound(member, run, key, message));
  }

  private static OutboundMessage outbound(
      Member member, RunContext run, String key, PlannedMessage message) {
    return new OutboundMessage(
        0,
        key,
        run.club().id(),
        member.id(),
        message.channel(),
        message.recipient(),
        message.purpose(),
        message.templateKey(),
        message.subject(),
        message.text(),
        message.segments(),
        MessageStatus.QUEUED,
        run.now(),
        message.notBefore(),
        null,
        null,
        run.runId());
  }

  static boolean isDoorChange(Effect effect) {
    return effect instanceof Effect.DoorChange;
  }

  /**
   * Asks the door system first and records the change only once it is done: a failed call leaves
   * the member's door as it was in GymOps, is the action's outcome, and is told to the manager.
   */
  private Outcome changeDoor(
      Member member, RunContext run, String key, DoorAccess door, DoorStep step) {
    if (stores.doors().isRecorded(key)) {
      return Outcome.alreadyDone();
    }
    if (step == DoorStep.RECORD_ONLY) {
      boolean changed = stores.doors().change(member.id(), door, run.now(), run.runId(), key);
      return changed ? Outcome.done(door.code()) : Outcome.alreadyDone();
    }
    DoorSystem.Result result = doorSystem.change(member, door);
    if (!result.done()) {
      String verb = door.isLocked() ? "lock" : "unlock";
      managerMessages.notify(
          run.club(),
          // One alert per club and hour, whatever the number of members or retries: the issue's
          // "at most one per kind per hour"; the run's events name every failure.
          "alert:door-failed:" + run.club().id() + ":" + run.now().truncatedTo(ChronoUnit.HOURS),
          "Could not "
              + verb
              + " the door for "
              + member.fullName()
              + " ("
              + member.id()
              + "): "
              + result.error()
              + ". Nothing changed; the next run tries again. Other door failures this hour are"
              + " not texted: see gymops runs.",
          run.now(),
          run.runId());
      return Outcome.failed("door system: " + result.error());
    }
    if (step == DoorStep.ASK_ONLY) {
      return Outcome.done(CONFIRMED);
    }
    boolean changed = stores.doors().change(member.id(), door, run.now(), run.runId(), key);
    return changed ? Outcome.done(door.code()) : Outcome.alreadyDone();
  }

  private Outcome addNote(Member member, RunContext run, String key, Effect.AddNote note) {
    boolean added =
        stores
            .notes()
            .add(
                new Note(
                    member.id(), run.now(), note.priority(), note.category(), note.text(), AUTHOR),
                key,
                run.runId());
    if (added) {
      escalate(member.id(), run, key, note);
    }
    return added ? Outcome.done("noted") : Outcome.alreadyDone();
  }

  /** The escalation a new note records, if it carries one. */
  private void escalate(MemberId member, RunContext run, String noteKey, Effect.AddNote note) {
    if (note.escalation().isEmpty()) {
      return;
    }
    Set<String> codes =
        note.escalation().stream().map(EscalationReason::code).collect(Collectors.toSet());
    stores.escalations().add(member, run.localDate(), codes, run.runId(), noteKey + ":escalation");
  }

  private Outcome refer(Member member, RunContext run, Effect.ReferToCollections referral) {
    boolean added =
        stores
            .referrals()
            .add(
                new Referral(
                    member.id(),
                    run.club().id(),
                    run.localDate(),
                    referral.amount(),
                    referral.attempts(),
                    null,
                    run.runId()),
                "referral:" + member.id() + ":" + member.pastDueSince());
    return added ? Outcome.done("referred") : Outcome.alreadyDone();
  }

  /** The club's texts, which the planner renders into each plan. */
  public MessageTemplates templates() {
    return templates;
  }

  /** {@code messaging.pay_link}, or null: the planner offers it to the texts that ask for money. */
  public String payLinkTemplate() {
    return payLinkTemplate;
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

  ManagerMessages managerMessages() {
    return managerMessages;
  }

  private Outcome notifyManager(RunContext run, String key, String text) {
    return managerMessages.notify(run.club(), key, text, run.now(), run.runId());
  }
}
