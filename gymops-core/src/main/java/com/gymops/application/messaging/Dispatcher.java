package com.gymops.application.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.application.port.MessageGateway;
import com.gymops.application.port.SendResult;
import com.gymops.application.run.EffectKeys;
import com.gymops.application.run.ManagerMessages;
import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.Member;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.Money;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.Plural;
import com.gymops.domain.Referral;
import com.gymops.policy.DeliveryTiming;
import com.gymops.policy.Effect;
import com.gymops.policy.MessageTemplates;
import com.gymops.policy.Recipient;
import com.gymops.policy.SendingWindow;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Delivers what the outbox holds once it is due: inside the recipient's window for member messages
 * (their state's texting hours in their zone, within the club's setting), at once for the manager.
 * A sender the provider refuses outright is paused ({@link SenderHealth}): its texts stay queued.
 * Each message is claimed before the provider call, so two dispatchers never send it twice and a
 * crash leaves it marked SENDING rather than re-sent.
 *
 * <p>A message found SENDING for longer than {@link #STUCK_AFTER} belonged to a dispatcher that
 * died between its claim and the provider's answer: nobody knows whether it left, so it is never
 * sent again blindly. Each pass ends such messages as FAILED with an "outcome unknown" error, keeps
 * a reminder's attempt as sent (it may have arrived, and must not make the next reminder come
 * sooner), and tells the manager to check the provider's log (docs/INTEGRATIONS.md).
 */
public final class Dispatcher {
  private static final int BATCH = 500;

  /**
   * Far longer than one provider call with its timeouts and the sender's pacing: a claim this old
   * has no live dispatcher behind it.
   */
  public static final Duration STUCK_AFTER = Duration.ofMinutes(10);

  /** How long a text waits while its sender is paused: the next pass tries the sender again. */
  static final Duration PAUSED_RETRY = Duration.ofMinutes(1);

  /** The reminder templates, whose texts quote the member's balance. */
  private static final Set<String> REMINDERS = MessageTemplates.REMINDERS;

  private static final ObjectMapper INPUTS = new ObjectMapper();

  static final String UNKNOWN_OUTCOME =
      "outcome unknown: GymOps stopped while sending; check the provider's log before sending"
          + " again";

  private final GymOpsConfig config;
  private final DispatchStores stores;
  private final MessageGateway sms;
  private final MessageGateway email;
  private final Map<Channel, MessageGateway> chats;
  private final ManagerMessages manager;
  private final RetryPolicy retries;
  private final SenderHealth senderHealth;

  /** A dispatcher whose retry waits are exact ({@link RetryPolicy#EXACT}). */
  public Dispatcher(
      GymOpsConfig config,
      DispatchStores stores,
      MessageGateway sms,
      MessageGateway email,
      ManagerMessages manager) {
    this(config, stores, sms, email, manager, RetryPolicy.EXACT);
  }

  public Dispatcher(
      GymOpsConfig config,
      DispatchStores stores,
      MessageGateway sms,
      MessageGateway email,
      ManagerMessages manager,
      RetryPolicy retries) {
    this(config, stores, sms, email, Map.of(), manager, retries);
  }

  /**
   * @param chats the gateways of the manager's chat channels ({@link Channel#SLACK}, {@link
   *     Channel#TEAMS}); a chat message without one fails with a clear error
   */
  public Dispatcher(
      GymOpsConfig config,
      DispatchStores stores,
      MessageGateway sms,
      MessageGateway email,
      Map<Channel, MessageGateway> chats,
      ManagerMessages manager,
      RetryPolicy retries) {
    this.config = config;
    this.stores = stores;
    this.sms = sms;
    this.email = email;
    this.chats = Map.copyOf(chats);
    this.manager = manager;
    this.retries = retries;
    this.senderHealth = new SenderHealth(stores.senderPauses(), manager, config);
  }

  public DispatchResult dispatch(Instant now) {
    int sent = 0;
    int deferred = 0;
    int failed = 0;
    int suppressed = 0;
    int retrying = 0;
    int paused = 0;
    int logged = 0;
    SmsPass pass = new SmsPass(senderHealth.pause(sms.sender()).isPresent());
    Map<ClubId, Integer> failedByClub = new TreeMap<>(Comparator.comparing(ClubId::value));
    Map<ClubId, Integer> unknownByClub = new TreeMap<>(Comparator.comparing(ClubId::value));
    int unknown = reconcileStuck(now, unknownByClub);
    while (true) {
      List<OutboundMessage> due = stores.outbox().due(now, BATCH);
      if (due.isEmpty()) {
        break;
      }
      for (OutboundMessage message : due) {
        switch (deliver(message, now, pass)) {
          case SENT -> sent++;
          case LOGGED -> logged++;
          case DEFERRED -> deferred++;
          case FAILED -> {
            failed++;
            failedByClub.merge(message.clubId(), 1, Integer::sum);
          }
          case SUPPRESSED -> suppressed++;
          case RETRYING -> retrying++;
          case PAUSED -> paused++;
          case UNKNOWN -> {
            unknown++;
            unknownByClub.merge(message.clubId(), 1, Integer::sum);
          }
          case TAKEN -> {}
        }
      }
    }
    failedByClub.forEach((club, count) -> tellManager(club, count, now));
    unknownByClub.forEach((club, count) -> tellManagerOfUnknown(club, count, now));
    return new DispatchResult(
        sent, deferred, failed, suppressed, retrying, unknown, paused, logged);
  }

  private int reconcileStuck(Instant now, Map<ClubId, Integer> unknownByClub) {
    List<OutboundMessage> stuck =
        stores.outbox().failStuckSending(now.minus(STUCK_AFTER), now, UNKNOWN_OUTCOME);
    stuck.forEach(message -> unknownByClub.merge(message.clubId(), 1, Integer::sum));
    return stuck.size();
  }

  private void tellManagerOfUnknown(ClubId club, int count, Instant now) {
    config
        .club(club)
        .ifPresent(
            settings ->
                manager.notify(
                    settings.club(),
                    "dispatch-unknown:" + club + ":" + now.truncatedTo(ChronoUnit.HOURS),
                    count
                        + (count == 1 ? " message" : " messages")
                        + " may or may not have left (GymOps stopped, or the provider did not"
                        + " answer); they were not sent again. Check the provider's log; outbox"
                        + " errors say 'outcome unknown'.",
                    now,
                    null));
  }

  /**
   * One alert per club and hour at most, however many passes see failures; the alert itself leaves
   * with the next pass (a minute later under {@code serve}).
   */
  private void tellManager(ClubId club, int count, Instant now) {
    config
        .club(club)
        .ifPresent(
            settings ->
                manager.notify(
                    settings.club(),
                    "dispatch-failed:" + club + ":" + now.truncatedTo(ChronoUnit.HOURS),
                    count
                        + (count == 1 ? " message" : " messages")
                        + " could not be sent; see 'gymops runs' and the outbox errors.",
                    now,
                    null));
  }

  private enum Delivery {
    SENT,
    /** Written down by the log provider, not sent: the outbox holds it as LOGGED. */
    LOGGED,
    DEFERRED,
    FAILED,
    SUPPRESSED,
    RETRYING,
    UNKNOWN,
    PAUSED,
    TAKEN
  }

  /**
   * Whether texts are paused in this pass, and whether its one test send has been used: while the
   * sender is paused, the first due text goes out as the test and the others wait.
   */
  private static final class SmsPass {
    private boolean paused;
    private boolean testSent;

    SmsPass(boolean paused) {
      this.paused = paused;
    }
  }

  private Delivery deliver(OutboundMessage message, Instant now, SmsPass pass) {
    Optional<ClubSettings> club = config.club(message.clubId());
    Optional<Member> member =
        message.memberId() == null ? Optional.empty() : stores.members().find(message.memberId());
    if (message.purpose() != MessagePurpose.MANAGER && club.isPresent()) {
      SendingWindow window = club.get().policy().messaging().window();
      Recipient recipient =
          member
              .map(found -> Recipient.of(found, club.get().club()))
              .orElseGet(() -> Recipient.locate(null, message.recipient(), club.get().club()));
      if (!DeliveryTiming.isInside(now, recipient, window)) {
        stores.outbox().defer(message.id(), DeliveryTiming.nextDeliveryAt(now, recipient, window));
        return Delivery.DEFERRED;
      }
    }
    Optional<String> forbidden = forbidden(message, member);
    if (forbidden.isPresent()) {
      // The member cannot be texted: as undeliverable as a refused number, for escalation too.
      stores.outbox().markSuppressed(message.id(), now, forbidden.get());
      recordAttemptOutcome(message, AttemptOutcome.FAILED);
      return Delivery.SUPPRESSED;
    }
    Optional<String> overtaken = collectionOvertaken(message, member);
    if (overtaken.isPresent()) {
      stores.outbox().markSuppressed(message.id(), now, overtaken.get());
      recordAttemptOutcome(message, AttemptOutcome.SUPPRESSED);
      return Delivery.SUPPRESSED;
    }
    Optional<String> stale = staleAmount(message, member);
    if (stale.isPresent()) {
      stores
          .transactor()
          .inTransaction(
              () -> {
                stores.outbox().markSuppressed(message.id(), now, stale.get());
                stores.attempts().discard(EffectKeys.attempt(message.idempotencyKey()));
              });
      return Delivery.SUPPRESSED;
    }
    boolean text = message.channel() == Channel.SMS;
    if (text && pass.paused) {
      if (pass.testSent) {
        stores.outbox().defer(message.id(), now.plus(PAUSED_RETRY));
        return Delivery.PAUSED;
      }
      pass.testSent = true;
    }
    if (!stores.outbox().claim(message.id(), now)) {
      return Delivery.TAKEN;
    }
    MessageGateway gateway = gatewayOf(message.channel());
    SendResult result = gateway.send(message);
    switch (result.status()) {
      case ACCEPTED, LOGGED -> {
        boolean logged = result.status() == SendResult.Status.LOGGED;
        if (logged) {
          stores.outbox().markLogged(message.id(), now, result.providerId());
        } else {
          stores.outbox().markSent(message.id(), now, result.providerId());
        }
        if (text && pass.paused) {
          senderHealth.accepted(sms.sender());
          pass.paused = false;
        }
        return logged ? Delivery.LOGGED : Delivery.SENT;
      }
      case SENDER_BLOCKED -> {
        senderHealth.refused(
            sms.sender(), result.senderProblem(), result.providerCode(), result.error(), now);
        pass.paused = true;
        pass.testSent = true;
        stores.outbox().defer(message.id(), now.plus(PAUSED_RETRY));
        return Delivery.PAUSED;
      }
      case RETRY -> {
        int attempts = stores.outbox().countRetry(message.id(), result.error());
        if (!retries.givesUpAfter(attempts)) {
          stores
              .outbox()
              .defer(message.id(), now.plus(retries.delay(attempts, result.retryAfter())));
          return Delivery.RETRYING;
        }
        return fail(
            message,
            now,
            result.error() + " (gave up after " + Plural.of(attempts, "try", "tries") + ")");
      }
      case OPTED_OUT -> {
        // The carrier will refuse every text until the member sends START: stop them all now.
        // An opt-out working as it should is no failure: dispatch must not alarm for it.
        if (message.memberId() != null) {
          stores.members().setSmsOptedOut(message.memberId(), true, now);
        }
        stores.outbox().markSuppressed(message.id(), now, "opted_out: " + result.error());
        recordAttemptOutcome(message, AttemptOutcome.FAILED);
        return Delivery.SUPPRESSED;
      }
      case UNKNOWN -> {
        // Never sent twice blindly: it may have left. The attempt stays as sent, like a crash's.
        stores
            .outbox()
            .markFailed(
                message.id(),
                now,
                "outcome unknown: "
                    + result.error()
                    + "; check the provider's log before"
                    + " sending again");
        return Delivery.UNKNOWN;
      }
      case UNUSABLE_ADDRESS -> {
        if (message.memberId() != null && message.channel() == Channel.SMS) {
          stores.members().setPhoneUnusable(message.memberId(), message.recipient(), now);
        }
        return fail(message, now, result.error());
      }
      default -> {
        return fail(message, now, result.error());
      }
    }
  }

  private MessageGateway gatewayOf(Channel channel) {
    return switch (channel) {
      case SMS -> sms;
      case EMAIL -> email;
      case SLACK, TEAMS -> chats.getOrDefault(channel, NO_CHAT);
    };
  }

  /** A chat message queued under a configuration that had the webhook, sent under one without. */
  private static final MessageGateway NO_CHAT =
      message ->
          SendResult.rejected(
              "no "
                  + message.channel().code()
                  + " webhook is configured for this GymOps (manager."
                  + message.channel().code()
                  + "_webhook_url_env)");

  private Delivery fail(OutboundMessage message, Instant now, String error) {
    stores.outbox().markFailed(message.id(), now, error);
    recordAttemptOutcome(message, AttemptOutcome.FAILED);
    return Delivery.FAILED;
  }

  /** Rules are checked again at delivery: the member may have replied STOP since it was queued. */
  private Optional<String> forbidden(OutboundMessage message, Optional<Member> member) {
    if (message.memberId() == null || message.channel() != Channel.SMS) {
      return Optional.empty();
    }
    if (member.isEmpty()) {
      return Optional.of("member no longer exists");
    }
    if (member.get().smsOptedOut()) {
      return Optional.of("member opted out of texts (STOP)");
    }
    if (stores.inbound().isOptedOutOf(member.get().id(), message.purpose())) {
      return Optional.of(
          "member opted out of " + message.purpose().name().toLowerCase(Locale.ROOT) + " texts");
    }
    if (message.purpose() == MessagePurpose.MARKETING && !member.get().smsConsent()) {
      return Optional.of("member withdrew marketing consent");
    }
    return Optional.empty();
  }

  /**
   * A reminder or invoice queued before the member paid up or was referred to the agency must not
   * go out: the member owes nothing, or the agency now speaks for the club. Its attempt becomes
   * SUPPRESSED, not FAILED: nothing failed to reach the member, and escalation counts failures.
   */
  private Optional<String> collectionOvertaken(OutboundMessage message, Optional<Member> member) {
    if (!message.purpose().isCollection() || message.memberId() == null) {
      return Optional.empty();
    }
    if (member.isPresent() && !member.get().isPastDue()) {
      return Optional.of("member no longer owes anything");
    }
    if (stores.referrals().ofMember(message.memberId()).stream().anyMatch(Referral::isOpen)) {
      return Optional.of("member was referred to collections");
    }
    return Optional.empty();
  }

  /**
   * A reminder quotes the balance of when it was written, and may wait hours for its member's
   * texting hours. When the balance changed before it could leave (a partial payment overnight, a
   * new charge synced from the club system), the text would tell the member a wrong amount: it is
   * not sent, and its attempt is discarded rather than failed, so the next hourly run writes the
   * reminder again with the balance of that moment, and an unreachable-member escalation is not fed
   * by a text nobody tried to send. Only the rare text that does not show today's balance costs a
   * look at its run's inputs.
   */
  private Optional<String> staleAmount(OutboundMessage message, Optional<Member> member) {
    if (member.isEmpty()
        || message.runId() == null
        || message.templateKey() == null
        || !REMINDERS.contains(message.templateKey())) {
      return Optional.empty();
    }
    // The text says the amount as Money.dollars() does ({amount} is Money.grouped()).
    Money owed = member.get().pastDue();
    if (message.body().contains(owed.dollars())) {
      return Optional.empty();
    }
    Optional<Money> quoted =
        stores
            .runs()
            .eventInputs(message.runId(), message.memberId(), Effect.SendReminder.NAME)
            .flatMap(Dispatcher::amountOf);
    if (quoted.isEmpty()
        || quoted.get().equals(owed)
        || !message.body().contains(quoted.get().dollars())) {
      return Optional.empty();
    }
    return Optional.of(
        "the balance changed from "
            + quoted.get().dollars()
            + " to "
            + owed.dollars()
            + " after the reminder was written: not sent; the next run writes it again");
  }

  /** The amount the run's inputs quote (a plain decimal, Money.toString()), if readable. */
  private static Optional<Money> amountOf(String inputsJson) {
    try {
      JsonNode amount = INPUTS.readTree(inputsJson).get("amount");
      return amount == null || !amount.isTextual()
          ? Optional.empty()
          : Optional.of(Money.parse(amount.asText()));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void recordAttemptOutcome(OutboundMessage message, AttemptOutcome outcome) {
    if (message.purpose().isCollection()) {
      stores.attempts().setOutcome(EffectKeys.attempt(message.idempotencyKey()), outcome);
    }
  }
}
