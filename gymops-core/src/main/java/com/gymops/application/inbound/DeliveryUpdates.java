package com.gymops.application.inbound;

import com.gymops.application.messaging.SenderHealth;
import com.gymops.application.port.SenderErrorCodes;
import com.gymops.application.port.SenderProblem;
import com.gymops.application.port.store.AttemptStore;
import com.gymops.application.port.store.Outbox;
import com.gymops.application.port.store.Transactor;
import com.gymops.application.run.EffectKeys;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.OutboundMessage;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Twilio's status callbacks: the final word on a text the dispatcher handed over. {@code delivered}
 * marks the message DELIVERED, {@code undelivered} and {@code failed} mark it FAILED with Twilio's
 * error code, and a reminder's or invoice's collection attempt follows (a failed one feeds the
 * escalation rule). {@code queued}, {@code sending}, {@code sent} and anything else say nothing
 * final and change nothing.
 *
 * <p>An undelivered text with an error of the sender itself ({@link SenderErrorCodes} reads
 * Twilio's codes), which Twilio mostly reports here rather than when it accepts the text, pauses
 * the sender ({@link SenderHealth}): the texts after it wait.
 *
 * <p>Callbacks may come twice and out of order. Only a SENT message changes, so a repeat is a no-op
 * and a late {@code sent} never turns DELIVERED back; the attempt changes only with its message.
 */
public final class DeliveryUpdates {
  private final Outbox outbox;
  private final AttemptStore attempts;
  private final Transactor transactor;
  private final SenderHealth senderHealth;
  private final String sender;
  private final SenderErrorCodes codes;
  private final Clock clock;

  /**
   * @param sender the SMS gateway's sender (number or messaging service) that the texts left from
   * @param codes what the callbacks' error codes say about that sender
   */
  public DeliveryUpdates(
      Outbox outbox,
      AttemptStore attempts,
      Transactor transactor,
      SenderHealth senderHealth,
      String sender,
      SenderErrorCodes codes,
      Clock clock) {
    this.outbox = outbox;
    this.attempts = attempts;
    this.transactor = transactor;
    this.senderHealth = senderHealth;
    this.sender = sender;
    this.codes = codes;
    this.clock = clock;
  }

  /**
   * @param messageSid Twilio's id of the message
   * @param messageStatus Twilio's status word
   * @param errorCode Twilio's error code, or null
   */
  public Update receive(String messageSid, String messageStatus, String errorCode) {
    String status = messageStatus == null ? "" : messageStatus.trim().toLowerCase(Locale.ROOT);
    Optional<AttemptOutcome> outcome =
        switch (status) {
          case "delivered" -> Optional.of(AttemptOutcome.DELIVERED);
          case "undelivered", "failed" -> Optional.of(AttemptOutcome.FAILED);
          default -> Optional.empty();
        };
    if (messageSid == null || messageSid.isBlank()) {
      return Update.UNKNOWN_MESSAGE;
    }
    Optional<OutboundMessage> message = outbox.findByProviderId(messageSid);
    if (message.isEmpty()) {
      return Update.UNKNOWN_MESSAGE;
    }
    if (outcome.isEmpty()) {
      return Update.NOT_FINAL;
    }
    boolean delivered = outcome.get() == AttemptOutcome.DELIVERED;
    Optional<SenderProblem> senderProblem =
        delivered ? Optional.empty() : codes.senderProblem(errorCode);
    if (senderProblem.isPresent()) {
      String code = errorCode.trim();
      senderHealth.refused(
          sender,
          senderProblem.get(),
          numeric(code),
          "twilio " + code + ": " + status,
          clock.instant());
    }
    String error =
        delivered
            ? null
            : "twilio "
                + (errorCode == null || errorCode.isBlank() ? "?" : errorCode.trim())
                + ": "
                + status;
    return transactor.inTransaction(
        () -> {
          if (!outbox.recordDelivery(
              message.get().id(),
              delivered ? MessageStatus.DELIVERED : MessageStatus.FAILED,
              error)) {
            return Update.UNCHANGED;
          }
          if (message.get().purpose().isCollection()) {
            attempts.setOutcome(EffectKeys.attempt(message.get().idempotencyKey()), outcome.get());
          }
          return delivered ? Update.DELIVERED : Update.FAILED;
        });
  }

  /** The provider's code as the pause keeps it; 0 when it is not a number. */
  private static int numeric(String code) {
    try {
      return Integer.parseInt(code);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** What a callback did. */
  public enum Update {
    DELIVERED,
    FAILED,
    /** A repeat or a late callback: the message already had its final state. */
    UNCHANGED,
    /** queued, sending, sent: nothing final to record. */
    NOT_FINAL,
    /** No message with that SID (another system's, or sent before GymOps kept SIDs). */
    UNKNOWN_MESSAGE
  }
}
