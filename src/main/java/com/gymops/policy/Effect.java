package com.gymops.policy;

import com.gymops.domain.Money;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import java.util.Locale;
import java.util.Objects;

/**
 * What an action does, as the policy decided it. The executor turns each into side effects (outbox
 * rows, notes, attempts, door changes, referrals) under one idempotency key.
 */
public sealed interface Effect {
  /** The action name of the JSON contract (DESIGN §7). */
  String name();

  /** The action detail of the JSON contract, e.g. the tier or the template key. */
  String detail();

  /** A payment reminder of the tier; logs one collection attempt. */
  record SendReminder(ReminderTier tier) implements Effect {
    public SendReminder {
      Objects.requireNonNull(tier, "tier");
    }

    @Override
    public String name() {
      return "send_reminder";
    }

    @Override
    public String detail() {
      return tier.code();
    }
  }

  /** Locks the member's door for non-payment. */
  record LockDoor() implements Effect {
    @Override
    public String name() {
      return "lock_door";
    }

    @Override
    public String detail() {
      return "payment";
    }
  }

  /** Lifts a payment lock. */
  record UnlockDoor() implements Effect {
    @Override
    public String name() {
      return "unlock_door";
    }

    @Override
    public String detail() {
      return "payment";
    }
  }

  /** A note on the member's account. */
  record AddNote(NotePriority priority, NoteCategory category, String text) implements Effect {
    public AddNote {
      Objects.requireNonNull(priority, "priority");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(text, "text");
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
  }

  /** A marketing text from a campaign template; needs consent and carries opt-out words. */
  record SendCampaign(String templateKey) implements Effect {
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
  }

  /** The monthly invoice text for the balance. Not a collection attempt. */
  record SendInvoice(Money amount) implements Effect {
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
  }

  /** A service message from a template, e.g. {@code access_locked} or {@code access_restored}. */
  record SendMessage(String templateKey) implements Effect {
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
  }

  /**
   * A lock a person ordered ({@code gymops members lock}): not a payment lock, so GymOps never
   * lifts it by itself.
   */
  record ManualLock(String reason) implements Effect {
    public ManualLock {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String name() {
      return "manual_lock";
    }

    @Override
    public String detail() {
      return "staff";
    }
  }

  /** A person lifts whatever lock the member has ({@code gymops members unlock}). */
  record ManualUnlock(String reason) implements Effect {
    public ManualUnlock {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String name() {
      return "manual_unlock";
    }

    @Override
    public String detail() {
      return "staff";
    }
  }
}
