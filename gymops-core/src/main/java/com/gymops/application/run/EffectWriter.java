package com.gymops.application.run;

import com.gymops.application.port.store.AttemptStore;
import com.gymops.application.port.store.AttemptStore.KeyedAttempt;
import com.gymops.application.port.store.DoorLog;
import com.gymops.application.port.store.EscalationStore;
import com.gymops.application.port.store.NoteStore;
import com.gymops.application.port.store.Outbox;
import com.gymops.application.port.store.ReferralStore;
import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.Member;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.Note;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.Plural;
import com.gymops.domain.Referral;
import com.gymops.policy.Action;
import com.gymops.policy.Effect;
import com.gymops.policy.EscalationReason;
import com.gymops.policy.MessageTemplates;
import com.gymops.policy.PlannedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes actions' effects inside the caller's transaction, each under its key from {@link
 * EffectKeys}, adding nothing else: the plan already holds every message's channel, recipient,
 * text, segments and send time. Texts (with the attempts of those that are collection attempts) and
 * notes wait in a {@link Batch} and are written one JDBC batch per table: one statement per row
 * cost a 100,000-member run more than deciding it (docs/BENCHMARKS.md). Every other effect (a door
 * record, a referral, a manager text, an unreachable member's failed attempt) is written as it
 * comes. Keys decide as they would one by one: a row whose key is taken, by a stored row or an
 * earlier action of the batch, is not written, and its action is already done.
 */
final class EffectWriter {
  private static final String NO_ROUTE = "no phone that accepts texts and no email";

  /** Why a reminder still queued when the member's lock text is queued never leaves. */
  static final String SUPERSEDED = "superseded by the lock text";

  private final Outbox outbox;
  private final AttemptStore attempts;
  private final NoteStore notes;
  private final DoorLog doors;
  private final ReferralStore referrals;
  private final EscalationStore escalations;
  private final ManagerMessages manager;

  EffectWriter(
      Outbox outbox,
      AttemptStore attempts,
      NoteStore notes,
      DoorLog doors,
      ReferralStore referrals,
      EscalationStore escalations,
      ManagerMessages manager) {
    this.outbox = outbox;
    this.attempts = attempts;
    this.notes = notes;
    this.doors = doors;
    this.referrals = referrals;
    this.escalations = escalations;
    this.manager = manager;
  }

  /** A batch of one run's effects, for one transaction. */
  Batch batch(RunContext run) {
    return new Batch(run);
  }

  /** The effects of actions added in order, written (the waiting rows) by {@link #write}. */
  final class Batch {
    private final RunContext run;
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<Integer> textAt = new ArrayList<>();
    private final List<OutboundMessage> texts = new ArrayList<>();
    private final List<AttemptKind> textAttempts = new ArrayList<>();
    private final List<Integer> noteAt = new ArrayList<>();
    private final List<NoteStore.KeyedNote> keyedNotes = new ArrayList<>();
    private final List<Set<EscalationReason>> noteEscalations = new ArrayList<>();

    private Batch(RunContext run) {
      this.run = run;
    }

    /**
     * Adds the action's effects for {@code member} (null for club-level actions).
     *
     * @param planKey the key instead of the plan's, or null (see {@link EffectKeys#of(Action,
     *     Member, RunContext, String)})
     * @param doorConfirmed whether the door system did the action's door change: only then is it
     *     recorded
     * @throws IllegalArgumentException when the effect needs a member and has none
     * @throws IllegalStateException for a door change the door system did not confirm
     */
    void add(Action action, Member member, String planKey, boolean doorConfirmed) {
      int position = outcomes.size();
      outcomes.add(null);
      action
          .effect()
          .accept(new Write(this, position, action, member, planKey, doorConfirmed))
          .ifPresent(outcome -> outcomes.set(position, outcome));
    }

    /** Writes the waiting rows; returns every added action's outcome, in order. */
    List<Outcome> write() {
      boolean[] queued = outbox.enqueueAll(texts);
      List<KeyedAttempt> sent = new ArrayList<>();
      for (int j = 0; j < texts.size(); j++) {
        OutboundMessage text = texts.get(j);
        if (!queued[j]) {
          outcomes.set(textAt.get(j), Outcome.alreadyDone());
          continue;
        }
        String done = "queued by " + text.channel().code();
        if (MessageTemplates.ACCESS_LOCKED.equals(text.templateKey())) {
          int superseded = supersedeQueuedReminders(text);
          if (superseded > 0) {
            done += "; superseded " + Plural.of(superseded, "queued reminder", "queued reminders");
          }
        }
        outcomes.set(textAt.get(j), Outcome.done(done));
        if (textAttempts.get(j) != null) {
          sent.add(
              new KeyedAttempt(
                  new CollectionAttempt(
                      text.memberId(),
                      run.now(),
                      textAttempts.get(j),
                      text.channel(),
                      AttemptOutcome.SENT),
                  EffectKeys.attempt(text.idempotencyKey()),
                  run.runId()));
        }
      }
      attempts.addAll(sent);
      boolean[] added = notes.addAll(keyedNotes);
      for (int j = 0; j < keyedNotes.size(); j++) {
        NoteStore.KeyedNote note = keyedNotes.get(j);
        if (added[j]) {
          escalate(note, noteEscalations.get(j));
        }
        outcomes.set(noteAt.get(j), added[j] ? Outcome.done("noted") : Outcome.alreadyDone());
      }
      return List.copyOf(outcomes);
    }

    /**
     * One text per event: the lock text names the amount and how to pay, so it stands for a
     * reminder of the member's that is still waiting in the outbox (queued by past-due-monitoring
     * earlier in the hour, or waiting for the member's texting hours). That reminder is ended
     * unsent as superseded, and its attempt becomes SUPPRESSED, not failed: nothing failed to reach
     * the member. The other order, a reminder planned after the lock text, the policy prevents
     * (docs/WORKFLOWS.md). A reminder a dispatcher already claimed is left to it.
     *
     * @return how many reminders were superseded
     */
    private int supersedeQueuedReminders(OutboundMessage lockText) {
      int superseded = 0;
      for (OutboundMessage queued : outbox.ofMember(lockText.memberId())) {
        if (queued.status() == MessageStatus.QUEUED
            && queued.templateKey() != null
            && MessageTemplates.REMINDERS.contains(queued.templateKey())
            && outbox.cancelQueued(queued.id(), run.now(), SUPERSEDED)) {
          attempts.setOutcome(
              EffectKeys.attempt(queued.idempotencyKey()), AttemptOutcome.SUPPRESSED);
          superseded++;
        }
      }
      return superseded;
    }

    private void queueText(
        int position, Member member, String key, PlannedMessage message, AttemptKind attempt) {
      textAt.add(position);
      texts.add(outbound(member, key, message));
      textAttempts.add(attempt);
    }

    private void queueNote(int position, Member member, String key, Effect.AddNote note) {
      noteAt.add(position);
      keyedNotes.add(
          new NoteStore.KeyedNote(
              new Note(
                  member.id(),
                  run.now(),
                  note.priority(),
                  note.category(),
                  note.text(),
                  ActionExecutor.AUTHOR),
              key,
              run.runId()));
      noteEscalations.add(note.escalation());
    }

    /** The escalation a new note records, if it carries one. */
    private void escalate(NoteStore.KeyedNote note, Set<EscalationReason> reasons) {
      if (reasons.isEmpty()) {
        return;
      }
      escalations.add(
          note.note().memberId(),
          run.localDate(),
          reasons.stream().map(EscalationReason::code).collect(Collectors.toSet()),
          run.runId(),
          EffectKeys.escalation(note.idempotencyKey()));
    }

    /** The planned message as it is, into the outbox: only the key and the run are added. */
    private OutboundMessage outbound(Member member, String key, PlannedMessage message) {
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
  }

  /**
   * Every kind of effect of one action: its outcome when it is written at once, empty when its row
   * waits in the batch.
   */
  private final class Write implements Effect.Handler<Optional<Outcome>> {
    private final Batch batch;
    private final int position;
    private final Action action;
    private final Member member;
    private final String planKey;
    private final boolean doorConfirmed;

    Write(
        Batch batch,
        int position,
        Action action,
        Member member,
        String planKey,
        boolean doorConfirmed) {
      this.batch = batch;
      this.position = position;
      this.action = action;
      this.member = member;
      this.planKey = planKey;
      this.doorConfirmed = doorConfirmed;
    }

    private Member member() {
      if (member == null) {
        throw new IllegalArgumentException(action.effect().name() + " needs a member");
      }
      return member;
    }

    private String key() {
      return EffectKeys.of(action, member, batch.run, planKey);
    }

    @Override
    public Optional<Outcome> reminder(Effect.SendReminder reminder) {
      return collection(reminder.message(), reminder.attemptKind());
    }

    @Override
    public Optional<Outcome> invoice(Effect.SendInvoice invoice) {
      return collection(invoice.message(), AttemptKind.INVOICE);
    }

    /** A text that is a collection attempt, logged as sent with the text, or failed without. */
    private Optional<Outcome> collection(PlannedMessage message, AttemptKind kind) {
      Member to = member();
      String key = key();
      if (message == null) {
        // An unreachable member still has a failed attempt on file: it feeds the escalation rule.
        boolean added = logFailedAttempt(to, key, kind);
        return Optional.of(added ? Outcome.undeliverable(NO_ROUTE) : Outcome.alreadyDone());
      }
      batch.queueText(position, to, key, message, kind);
      return Optional.empty();
    }

    private boolean logFailedAttempt(Member to, String key, AttemptKind kind) {
      CollectionAttempt failed =
          new CollectionAttempt(to.id(), batch.run.now(), kind, Channel.SMS, AttemptOutcome.FAILED);
      return attempts.addAll(
              List.of(new KeyedAttempt(failed, EffectKeys.attempt(key), batch.run.runId())))
          == 1;
    }

    @Override
    public Optional<Outcome> campaign(Effect.SendCampaign campaign) {
      return text(campaign, "no consent to marketing texts or no phone");
    }

    @Override
    public Optional<Outcome> message(Effect.SendMessage message) {
      return text(message, NO_ROUTE);
    }

    private Optional<Outcome> text(Effect.ToMember effect, String unreachable) {
      Member to = member();
      if (effect.message() == null) {
        return Optional.of(Outcome.undeliverable(unreachable));
      }
      batch.queueText(position, to, key(), effect.message(), null);
      return Optional.empty();
    }

    @Override
    public Optional<Outcome> lock(Effect.LockDoor lock) {
      return door(lock);
    }

    @Override
    public Optional<Outcome> unlock(Effect.UnlockDoor unlock) {
      return door(unlock);
    }

    @Override
    public Optional<Outcome> manualLock(Effect.ManualLock lock) {
      return door(lock);
    }

    @Override
    public Optional<Outcome> manualUnlock(Effect.ManualUnlock unlock) {
      return door(unlock);
    }

    /** The record of a door change the door system did: GymOps never records one it did not. */
    private Optional<Outcome> door(Effect.DoorChange change) {
      Member of = member();
      if (!doorConfirmed) {
        throw new IllegalStateException(
            change.name() + " for " + of.id() + " is recorded only once the door system did it");
      }
      String key = key();
      if (doors.isRecorded(key)) {
        return Optional.of(Outcome.alreadyDone());
      }
      boolean changed =
          doors.change(of.id(), change.target(), batch.run.now(), batch.run.runId(), key);
      return Optional.of(changed ? Outcome.done(change.target().code()) : Outcome.alreadyDone());
    }

    @Override
    public Optional<Outcome> note(Effect.AddNote note) {
      batch.queueNote(position, member(), key(), note);
      return Optional.empty();
    }

    @Override
    public Optional<Outcome> referral(Effect.ReferToCollections referral) {
      Member referred = member();
      boolean added =
          referrals.add(
              new Referral(
                  referred.id(),
                  batch.run.club().id(),
                  batch.run.localDate(),
                  referral.amount(),
                  referral.attempts(),
                  null,
                  batch.run.runId()),
              key());
      return Optional.of(added ? Outcome.done("referred") : Outcome.alreadyDone());
    }

    @Override
    public Optional<Outcome> manager(Effect.NotifyManager notify) {
      RunContext run = batch.run;
      return Optional.of(manager.notify(run.club(), key(), notify.text(), run.now(), run.runId()));
    }
  }
}
