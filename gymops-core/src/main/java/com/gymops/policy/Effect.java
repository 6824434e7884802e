package com.gymops.policy;

import com.gymops.domain.AttemptKind;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Money;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What an action does, as the policy decided it, with everything needed to carry it out: a plain
 * record per effect, so a plan can be shown, approved and re-validated as it is. The executor
 * handles each kind in one place, through {@link Handler}, and adds nothing but the idempotency
 * key.
 */
public sealed interface Effect {
  /** The action name of the JSON contract (the run report, docs/ARCHITECTURE.md). */
  String name();

  /** The action detail of the JSON contract, e.g. the tier or the template key. */
  String detail();

  /** Calls the method of {@code handler} for this kind of effect. */
  <R> R accept(Handler<R> handler);

  /**
   * One method per kind of effect: implementing it handles every kind, and a new kind does not
   * compile until each handler handles it.
   */
  interface Handler<R> {
    R reminder(SendReminder reminder);

    R invoice(SendInvoice invoice);

    R campaign(SendCampaign campaign);

    R message(SendMessage message);

    R lock(LockDoor lock);

    R unlock(UnlockDoor unlock);

    R manualLock(ManualLock lock);

    R manualUnlock(ManualUnlock unlock);

    R note(AddNote note);

    R referral(ReferToCollections referral);

    R manager(NotifyManager notify);
  }

  /** An effect that texts or emails the member. */
  sealed interface ToMember extends Effect {
    /** The message as it will be queued; null when no channel reaches the member. */
    PlannedMessage message();
  }

  /** A door change; the door system does it first, and what goes with it waits for the result. */
  sealed interface DoorChange extends Effect {
    /** The member's door once the change is done. */
    DoorAccess target();
  }

  /**
   * A payment reminder of the tier; logs one collection attempt, a failed one when nothing reaches
   * the member ({@code message} null).
   */
  record SendReminder(ReminderTier tier, PlannedMessage message) implements ToMember {
    public SendReminder {
      Objects.requireNonNull(tier, "tier");
    }

    /** The action name of a reminder in plans, run events and reports. */
    public static final String NAME = "send_reminder";

    public AttemptKind attemptKind() {
      return AttemptKind.valueOf(tier.name());
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String detail() {
      return tier.code();
    }

    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.reminder(this);
    }
  }

  /** Locks the member's door for non-payment. */
  record LockDoor() implements DoorChange {
    @Override
    public DoorAccess target() {
      return DoorAccess.LOCKED_FOR_PAYMENT;
    }

    @Override
    public String name() {
      return "lock_door";
    }

    @Override
    public String detail() {
      return "payment";
    }

    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.lock(this);
    }
  }

  /** Lifts a payment lock. */
  record UnlockDoor() implements DoorChange {
    @Override
    public DoorAccess target() {
      return DoorAccess.OPEN;
    }

    @Override
    public String name() {
      return "unlock_door";
    }

    @Override
    public String detail() {
      return "payment";
    }

    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.unlock(this);
    }
  }

  /**
   * A note on the member's account.
   *
   * @param escalation the reasons an escalation note is filed under (the next runs compare them to
   *     decide whether a case is news); empty for any other note
   */
  record AddNote(
      NotePriority priority, NoteCategory category, String text, Set<EscalationReason> escalation)
      implements Effect {
    public AddNote {
      Objects.requireNonNull(priority, "priority");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(text, "text");
      escalation = Set.copyOf(escalation);
    }

    /** A note that is not an escalation. */
    public AddNote(NotePriority priority, NoteCategory category, String text) {
      this(priority, category, text, Set.of());
    }

    @Override
    public String name() {
      return "add_note";
    }

    @Override
    public String detail() {
      return priority.name().toLowerCase(Locale.ROOT)
          + "/"
          + category.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.note(this);
    }
  }

  /** A marketing text from a campaign template; needs consent and carries opt-out words. */
  record SendCampaign(String templateKey, PlannedMessage message) implements ToMember {
    public SendCampaign {
      Objects.requireNonNull(templateKey, "templateKey");
    }

    @Override
    public String name() {
      return "send_campaign";
    }

    @Override
    public String detail() {
      return templateKey;
    }

    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.campaign(this);
    }
  }

  /** The monthly invoice text for the balance. Not a collection attempt. */
  record SendInvoice(Money amount, PlannedMessage message) implements ToMember {
    public SendInvoice {
      Objects.requireNonNull(amount, "amount");
    }

    @Override
    public String name() {
      return "send_invoice";
    }

    @Override
    public String detail() {
      return amount.toString();
    }

    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.invoice(this);
    }
  }

  /** A service message from a template, e.g. {@code access_locked} or {@code access_restored}. */
  record SendMessage(String templateKey, PlannedMessage message) implements ToMember {
    public SendMessage {
      Objects.requireNonNull(templateKey, "templateKey");
    }

    @Override
    public String name() {
      return "send_message";
    }

    @Override
    public String detail() {
      return templateKey;
    }

    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.message(this);
    }
  }

  /** Hands the member to the collections agency. */
  record ReferToCollections(Money amount, int attempts) implements Effect {
    public ReferToCollections {
      Objects.requireNonNull(amount, "amount");
    }

    @Override
    public String name() {
      return "refer_to_collections";
    }

    @Override
    public String detail() {
      return amount.toString();
    }

    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.referral(this);
    }
  }

  /** A text (and email, where configured) to the club's manager. */
  record NotifyManager(String text) implements Effect {
    public NotifyManager {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String name() {
      return "notify_manager";
    }

    @Override
    public String detail() {
      return "summary";
    }

    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.manager(this);
    }
  }

  /**
   * A lock a person ordered ({@code gymops members lock}): not a payment lock, so GymOps never
   * lifts it by itself.
   */
  record ManualLock(String reason) implements DoorChange {
    public ManualLock {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public DoorAccess target() {
      return DoorAccess.LOCKED_OTHER;
    }

    @Override
    public String name() {
      return "manual_lock";
    }

    @Override
    public String detail() {
      return "staff";
    }

    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.manualLock(this);
    }
  }

  /** A person lifts whatever lock the member has ({@code gymops members unlock}). */
  record ManualUnlock(String reason) implements DoorChange {
    public ManualUnlock {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public DoorAccess target() {
      return DoorAccess.OPEN;
    }

    @Override
    public String name() {
      return "manual_unlock";
    }

    @Override
    public String detail() {
      return "staff";
    }

    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.manualUnlock(this);
    }
  }
}
