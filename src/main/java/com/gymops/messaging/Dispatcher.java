package com.gymops.messaging;

import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.Member;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.Referral;
import com.gymops.policy.DeliveryTiming;
import com.gymops.store.Stores;
import com.gymops.workflow.ManagerMessages;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Delivers what the outbox holds once it is due: inside the club's sending window for member
 * messages, at once for the manager. Each message is claimed before the provider call, so two
 * dispatchers never send it twice and a crash leaves it marked SENDING rather than re-sent.
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

  static final String UNKNOWN_OUTCOME =
      "outcome unknown: GymOps stopped while sending; check the provider's log before sending"
          + " again";

  private final GymOpsConfig config;
  private final Stores stores;
  private final MessageGateway sms;
  private final MessageGateway email;
  private final ManagerMessages manager;
  private final RetryPolicy retries;

  /** A dispatcher whose retry waits are exact ({@link RetryPolicy#EXACT}). */
  public Dispatcher(
      GymOpsConfig config,
      Stores stores,
      MessageGateway sms,
      MessageGateway email,
      ManagerMessages manager) {
    this(config, stores, sms, email, manager, RetryPolicy.EXACT);
  }

  public Dispatcher(
      GymOpsConfig config,
      Stores stores,
      MessageGateway sms,
      MessageGateway email,
      ManagerMessages manager,
      RetryPolicy retries) {
    this.config = config;
    this.stores = stores;
    this.sms = sms;
    this.email = email;
    this.manager = manager;
    this.retries = retries;
  }

  public DispatchResult dispatch(Instant now) {
    int sent = 0;
    int deferred = 0;
    int failed = 0;
    int suppressed = 0;
    int retrying = 0;
    Map<ClubId, Integer> failedByClub = new TreeMap<>(Comparator.comparing(ClubId::value));
    Map<ClubId, Integer> unknownByClub = new TreeMap<>(Comparator.comparing(ClubId::value));
    int unknown = reconcileStuck(now, unknownByClub);
    while (true) {
      List<OutboundMessage> due = stores.outbox().due(now, BATCH);
      if (due.isEmpty()) {
        break;
      }
      for (OutboundMessage message : due) {
        switch (deliver(message, now)) {
          case SENT -> sent++;
          case DEFERRED -> deferred++;
          case FAILED -> {
            failed++;
            failedByClub.merge(message.clubId(), 1, Integer::sum);
          }
          case SUPPRESSED -> suppressed++;
          case RETRYING -> retrying++;
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
    return new DispatchResult(sent, deferred, failed, suppressed, retrying, unknown);
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
    DEFERRED,
    FAILED,
    SUPPRESSED,
    RETRYING,
    UNKNOWN,
    TAKEN
  }

  private Delivery deliver(OutboundMessage message, Instant now) {
    Optional<ClubSettings> club = config.club(message.clubId());
    if (message.purpose() != MessagePurpose.MANAGER && club.isPresent()) {
      var window = club.get().policy().messaging().window();
      var zone = club.get().club().zone();
      if (!DeliveryTiming.isInside(now, zone, window)) {
        stores.outbox().defer(message.id(), DeliveryTiming.nextDeliveryAt(now, zone, window));
        return Delivery.DEFERRED;
      }
    }
    Optional<String> forbidden = forbidden(message).or(() -> collectionOvertaken(message));
    if (forbidden.isPresent()) {
      stores.outbox().markSuppressed(message.id(), now, forbidden.get());
      recordAttemptOutcome(message, AttemptOutcome.FAILED);
      return Delivery.SUPPRESSED;
    }
    if (!stores.outbox().claim(message.id(), now)) {
      return Delivery.TAKEN;
    }
    SendResult result = (message.channel() == Channel.SMS ? sms : email).send(message);
    switch (result.status()) {
      case ACCEPTED -> {
        stores.outbox().markSent(message.id(), now, result.providerId());
        return Delivery.SENT;
      }
      case RETRY -> {
        int attempts = stores.outbox().countRetry(message.id(), result.error());
        if (!retries.givesUpAfter(attempts)) {
          stores
              .outbox()
              .defer(message.id(), now.plus(retries.delay(attempts, result.retryAfter())));
          return Delivery.RETRYING;
        }
        return fail(message, now, result.error() + " (gave up after " + attempts + " tries)");
      }
      case OPTED_OUT -> {
        // The carrier will refuse every text until the member sends START: stop them all now.
        if (message.memberId() != null) {
          stores.members().setSmsOptedOut(message.memberId(), true, now);
        }
        return fail(message, now, result.error());
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

  private Delivery fail(OutboundMessage message, Instant now, String error) {
    stores.outbox().markFailed(message.id(), now, error);
    recordAttemptOutcome(message, AttemptOutcome.FAILED);
    return Delivery.FAILED;
  }

  /** Rules are checked again at delivery: the member may have replied STOP since it was queued. */
  private Optional<String> forbidden(OutboundMessage message) {
    if (message.memberId() == null || message.channel() != Channel.SMS) {
      return Optional.empty();
    }
    Optional<Member> member = stores.members().find(message.memberId());
    if (member.isEmpty()) {
      return Optional.of("member no longer exists");
    }
    if (member.get().smsOptedOut()) {
      return Optional.of("member opted out of texts (STOP)");
    }
    if (message.purpose() == MessagePurpose.MARKETING && !member.get().smsConsent()) {
      return Optional.of("member withdrew marketing consent");
    }
    return Optional.empty();
  }

  /**
   * A reminder or invoice queued before the member paid up or was referred to the agency must not
   * go out: the member owes nothing, or the agency now speaks for the club. Recorded as a failed
   * attempt, like any message that was not delivered.
   */
  private Optional<String> collectionOvertaken(OutboundMessage message) {
    if (!message.purpose().isCollection() || message.memberId() == null) {
      return Optional.empty();
    }
    Optional<Member> member = stores.members().find(message.memberId());
    if (member.isPresent() && !member.get().isPastDue()) {
      return Optional.of("member no longer owes anything");
    }
    if (stores.referrals().ofMember(message.memberId()).stream().anyMatch(Referral::isOpen)) {
      return Optional.of("member was referred to collections");
    }
    return Optional.empty();
  }

  private void recordAttemptOutcome(OutboundMessage message, AttemptOutcome outcome) {
    if (message.purpose().isCollection()) {
      stores.attempts().setOutcome(message.idempotencyKey() + ":attempt", outcome);
    }
  }
}
