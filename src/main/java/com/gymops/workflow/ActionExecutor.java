package com.gymops.workflow;

import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.Club;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.Note;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.Referral;
import com.gymops.policy.Action;
import com.gymops.policy.DeliveryTiming;
import com.gymops.policy.Effect;
import com.gymops.policy.MessageTemplates;
import com.gymops.policy.SmsSegments;
import com.gymops.store.AttemptStore.KeyedAttempt;
import com.gymops.store.Stores;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns one planned action into its side effects, each under an idempotency key, in one
 * transaction: the only path from a decision to the outbox, the notes, the attempt log, the doors
 * and the referrals — used alike by the rules runner and the agent's tools.
 */
public final class ActionExecutor {
  public static final String AUTHOR = "GymOps";
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

  /** The rules whose actions (lock, message, note) belong to one payment lock. */
  private static final Set<String> LOCK_RULES = Set.of("door.lock", "past-due.lock", "door.warn");

  private final Stores stores;
  private final MessageTemplates templates;
  private final ManagerMessages managerMessages;
  private final DoorSystem doorSystem;
  private final PayLinkSource payLinks;

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
    this.payLinks = new PayLinkSource(stores.payLinks(), payLinkTemplate);
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
    try {
      if (isDoorChange(action.effect())) {
        // The door system's call may take its timeouts and retries: no transaction waits on it.
        // The record that follows is one transaction of its own.
        return apply(action, member, run, idempotencyKey);
      }
      return stores.transactor().inTransaction(() -> apply(action, member, run, idempotencyKey));
    } catch (RuntimeException e) {
      return Outcome.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /** One action and its member (null for club-level actions) for {@link #executeAll}. */
  public record Planned(Action action, Member member) {}

  /**
   * Executes the actions in order, in one transaction: a commit per action made a run over 100,000
   * members spend more time committing than deciding (issue 7). If any effect throws, that
   * transaction is rolled back and the actions are executed one by one, each in its own, so one bad
   * action cannot fail its neighbours: the outcomes are those {@link #execute} would give.
   *
   * @return the outcomes, in the order of {@code actions}
   */
  public List<Outcome> executeAll(List<Planned> actions, RunContext run) {
    try {
      return stores
          .transactor()
          .inTransaction(
              () -> {
                List<Outcome> outcomes = new ArrayList<>(actions.size());
                for (Planned planned : actions) {
                  outcomes.add(apply(planned.action(), planned.member(), run, null));
                }
                return outcomes;
              });
    } catch (RuntimeException e) {
      List<Outcome> outcomes = new ArrayList<>(actions.size());
      for (Planned planned : actions) {
        outcomes.add(execute(planned.action(), planned.member(), run));
      }
      return outcomes;
    }
  }

  private Outcome apply(Action action, Member member, RunContext run, String keyOverride) {
    Effect effect = action.effect();
    if (!(effect instanceof Effect.NotifyManager) && member == null) {
      throw new IllegalArgumentException(effect.name() + " needs a member");
    }
    String key = keyOverride != null ? keyOverride : key(action, member, run);
    if (effect instanceof Effect.SendReminder reminder) {
      return sendCollection(
          member,
          run,
          key,
          "reminder_" + reminder.tier().code(),
          MessagePurpose.REMINDER,
          AttemptKind.valueOf(reminder.tier().name()));
    } else if (effect instanceof Effect.SendInvoice) {
      return sendCollection(
          member,
          run,
          "invoice:" + member.id() + ":" + MONTH.format(run.localDate()),
          "invoice",
          MessagePurpose.INVOICE,
          AttemptKind.INVOICE);
    } else if (effect instanceof Effect.SendCampaign campaign) {
      return sendCampaign(member, run, campaign.templateKey());
    } else if (effect instanceof Effect.SendMessage message) {
      return sendService(member, run, key, message.templateKey(), action.inputs().get("lock_date"));
    } else if (effect instanceof Effect.LockDoor) {
      // One lock per delinquency: if staff lift it by hand, GymOps does not fight them.
      return changeDoor(member, run, lockKey(member), DoorAccess.LOCKED_FOR_PAYMENT);
    } else if (effect instanceof Effect.UnlockDoor) {
      return changeDoor(member, run, key, DoorAccess.OPEN);
    } else if (effect instanceof Effect.ManualLock) {
      // Each manual run is its own request: a lock, an unlock and a lock again in one hour all go.
      return changeDoor(member, run, manualKey(action, member, run), DoorAccess.LOCKED_OTHER);
    } else if (effect instanceof Effect.ManualUnlock) {
      return changeDoor(member, run, manualKey(action, member, run), DoorAccess.OPEN);
    } else if (effect instanceof Effect.AddNote note) {
      return addNote(action, member, run, key, note);
    } else if (effect instanceof Effect.ReferToCollections referral) {
      return refer(member, run, referral);
    } else if (effect instanceof Effect.NotifyManager notify) {
      // One text per rule per club-local day: an hourly workflow must not page the manager hourly.
      return notifyManager(
          run,
          run.workflow().id() + ":" + run.club().id() + ":" + run.localDate() + ":" + action.rule(),
          notify.text());
    }
    throw new IllegalStateException("no executor for " + effect);
  }

  /**
   * The default key: workflow, club, period, member and the action itself. A lock's message and
   * note are keyed to the lock instead, once per delinquency like the lock: after staff reopen a
   * door by hand, the hourly runs plan the lock again, and must not tell the member each hour that
   * they are locked out.
   */
  private static String key(Action action, Member member, RunContext run) {
    if (member != null && LOCK_RULES.contains(action.rule())) {
      return lockKey(member) + ":" + action.name() + ":" + action.detail();
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

  private static String manualKey(Action action, Member member, RunContext run) {
    return "manual:" + run.runId() + ":" + member.id() + ":" + action.name();
  }

  private static String lockKey(Member member) {
    return "door:lock:" + member.id() + ":" + member.pastDueSince();
  }

  private Outcome sendCollection(
      Member member,
      RunContext run,
      String key,
      String templateKey,
      MessagePurpose purpose,
      AttemptKind kind) {
    Optional<ContactRoute> route = ContactRoute.forMember(member);
    if (route.isEmpty()) {
      // An unreachable member still has a failed attempt on file: it feeds the escalation rule.
      boolean added = logAttempt(member, run, key, kind, Channel.SMS, AttemptOutcome.FAILED);
      return added
          ? Outcome.undeliverable("no phone that accepts texts and no email")
          : Outcome.alreadyDone();
    }
    Optional<Long> queued =
        enqueue(member, run, key, route.get(), purpose, templateKey, variables(member, run.club()));
    if (queued.isEmpty()) {
      return Outcome.alreadyDone();
    }
    logAttempt(member, run, key, kind, route.get().channel(), AttemptOutcome.SENT);
    return Outcome.done("queued by " + route.get().channel().code());
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

  private Outcome sendCampaign(Member member, RunContext run, String templateKey) {
    Optional<ContactRoute> route = ContactRoute.forMarketing(member);
    if (route.isEmpty()) {
      return Outcome.undeliverable("no consent to marketing texts or no phone");
    }
    // One marketing message per member per club-local day, whatever reruns or templates.
    String key = "marketing:" + member.id() + ":" + run.localDate();
    return enqueue(
            member,
            run,
            key,
            route.get(),
            MessagePurpose.MARKETING,
            templateKey,
            variables(member, run.club()))
        .map(id -> Outcome.done("queued by sms"))
        .orElseGet(Outcome::alreadyDone);
  }

  private Outcome sendService(
      Member member, RunContext run, String key, String templateKey, String lockDate) {
    Optional<ContactRoute> route = ContactRoute.forMember(member);
    if (route.isEmpty()) {
      return Outcome.undeliverable("no phone that accepts texts and no email");
    }
    Map<String, String> variables = variables(member, run.club());
    if (lockDate != null) {
      variables.put("lock_date", lockDate);
    }
    return enqueue(member, run, key, route.get(), MessagePurpose.ACCESS, templateKey, variables)
        .map(id -> Outcome.done("queued by " + route.get().channel().code()))
        .orElseGet(Outcome::alreadyDone);
  }

  private Optional<Long> enqueue(
      Member member,
      RunContext run,
      String key,
      ContactRoute route,
      MessagePurpose purpose,
      String templateKey,
      Map<String, String> variables) {
    String body = templates.render(templateKey, variables);
    Instant notBefore =
        DeliveryTiming.nextDeliveryAt(
            run.now(), run.club().zone(), run.policy().messaging().window());
    return stores
        .outbox()
        .enqueue(
            new OutboundMessage(
                0,
                key,
                run.club().id(),
                member == null ? null : member.id(),
                route.channel(),
                route.recipient(),
                purpose,
                templateKey,
                route.channel() == Channel.EMAIL ? subject(purpose, run.club()) : null,
                body,
                route.channel() == Channel.SMS ? SmsSegments.of(body).segments() : 0,
                MessageStatus.QUEUED,
                run.now(),
                notBefore,
                null,
                null,
                run.runId()));
  }

  private static String subject(MessagePurpose purpose, Club club) {
    return switch (purpose) {
      case REMINDER -> club.name() + ": payment reminder";
      case INVOICE -> club.name() + ": your invoice";
      case ACCESS -> club.name() + ": your gym access";
      case MARKETING -> club.name();
      case MANAGER -> "GymOps report for " + club.name();
    };
  }

  private Map<String, String> variables(Member member, Club club) {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("first_name", member.firstName());
    variables.put("last_name", member.lastName());
    variables.put("club_name", club.name());
    variables.put("amount", member.pastDue().toString());
    variables.put("pay_link", payLinks.of(member).orElse(""));
    return variables;
  }

  static boolean isDoorChange(Effect effect) {
    return effect instanceof Effect.LockDoor
        || effect instanceof Effect.UnlockDoor
        || effect instanceof Effect.ManualLock
        || effect instanceof Effect.ManualUnlock;
  }

  /**
   * Asks the door system first and records the change only once it is done: a failed call leaves
   * the member's door as it was in GymOps, is the action's outcome, and is told to the manager.
   */
  private Outcome changeDoor(Member member, RunContext run, String key, DoorAccess door) {
    if (stores.doors().isRecorded(key)) {
      return Outcome.alreadyDone();
    }
    DoorSystem.Result result = doorSystem.change(member, door);
    if (!result.done()) {
      String verb = door.isLocked() ? "lock" : "unlock";
      managerMessages.notify(
          run.club(),
          "door-failed:" + member.id() + ":" + verb + ":" + run.localDate(),
          "Could not "
              + verb
              + " the door for "
              + member.fullName()
              + " ("
              + member.id()
              + "): "
              + result.error()
              + ". Nothing changed; the next run tries again.",
          run.now(),
          run.runId());
      return Outcome.failed("door system: " + result.error());
    }
    boolean changed = stores.doors().change(member.id(), door, run.now(), run.runId(), key);
    return changed ? Outcome.done(door.code()) : Outcome.alreadyDone();
  }

  private Outcome addNote(
      Action action, Member member, RunContext run, String key, Effect.AddNote note) {
    boolean added =
        stores
            .notes()
            .add(
                new Note(
                    member.id(), run.now(), note.priority(), note.category(), note.text(), AUTHOR),
                key,
                run.runId());
    String reasons = action.inputs().get("reasons");
    if (added && reasons != null && action.rule().startsWith("escalation")) {
      Set<String> codes =
          Arrays.stream(reasons.split(","))
              .map(String::strip)
              .filter(r -> !r.isEmpty())
              .collect(Collectors.toSet());
      stores
          .escalations()
          .add(member.id(), run.localDate(), codes, run.runId(), key + ":escalation");
    }
    return added ? Outcome.done("noted") : Outcome.alreadyDone();
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

  /**
   * The text the action would send to the member (or the manager) now, for an approval to show;
   * empty for effects that send nothing.
   */
  public Optional<String> preview(Action action, Member member, Club club) {
    Effect effect = action.effect();
    if (effect instanceof Effect.NotifyManager notify) {
      return Optional.of(notify.text());
    }
    if (member == null) {
      return Optional.empty();
    }
    String templateKey =
        effect instanceof Effect.SendReminder reminder
            ? "reminder_" + reminder.tier().code()
            : effect instanceof Effect.SendInvoice
                ? "invoice"
                : effect instanceof Effect.SendCampaign campaign
                    ? campaign.templateKey()
                    : effect instanceof Effect.SendMessage message ? message.templateKey() : null;
    if (templateKey == null) {
      return Optional.empty();
    }
    Map<String, String> variables = variables(member, club);
    String lockDate = action.inputs().get("lock_date");
    if (lockDate != null) {
      variables.put("lock_date", lockDate);
    }
    return Optional.of(templates.render(templateKey, variables));
  }

  ManagerMessages managerMessages() {
    return managerMessages;
  }

  private Outcome notifyManager(RunContext run, String key, String text) {
    return managerMessages.notify(run.club(), key, text, run.now(), run.runId());
  }
}
