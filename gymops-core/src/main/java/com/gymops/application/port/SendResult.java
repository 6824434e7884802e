package com.gymops.application.port;

import java.time.Duration;
import java.util.Objects;

/**
 * What a provider said about one message, with what the dispatcher needs to act on it.
 *
 * @param providerId the provider's id for an accepted message (Twilio's SID), else null
 * @param error the provider's code and message, kept on the message, else null
 * @param retryAfter how long the provider asked us to wait ({@code Retry-After}), or null
 * @param senderProblem what is wrong with the sender, for {@link Status#SENDER_BLOCKED} only
 * @param providerCode the provider's own code of a sender refusal (Twilio's 30034), kept with the
 *     pause for the record; nothing decides on it
 */
public record SendResult(
    Status status,
    String providerId,
    String error,
    Duration retryAfter,
    SenderProblem senderProblem,
    int providerCode) {
  public enum Status {
    ACCEPTED,
    /**
     * Written down by a provider that sends nothing (the message log): final like {@link
     * #ACCEPTED}, but the message is recorded as logged, never as sent.
     */
    LOGGED,
    /** The provider refused it for good (other 4xx): the message fails with its error. */
    REJECTED,
    /**
     * The recipient opted out at the provider or carrier: the message is suppressed, not failed
     * (the opt-out works as it should), and the member is opted out of all texts.
     */
    OPTED_OUT,
    /**
     * The provider refuses the sender itself ({@link #senderProblem} says why): the message stays
     * queued and the sender is paused.
     */
    SENDER_BLOCKED,
    /**
     * The address can never take this channel (an invalid number, a number that is not mobile): the
     * message fails and the member's phone is marked unusable.
     */
    UNUSABLE_ADDRESS,
    /** Worth another try later (rate limit, provider down, nothing reached it). */
    RETRY,
    /**
     * The request may have reached the provider but no answer came (a timeout): sending again could
     * text the member twice, so it is handled like a message a crash left sending.
     */
    UNKNOWN
  }

  public SendResult {
    Objects.requireNonNull(status, "status");
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative");
    }
    if ((status == Status.SENDER_BLOCKED) != (senderProblem != null)) {
      throw new IllegalArgumentException(
          "a sender problem goes with SENDER_BLOCKED, and only there");
    }
  }

  public SendResult(Status status, String providerId, String error, Duration retryAfter) {
    this(status, providerId, error, retryAfter, null, 0);
  }

  public SendResult(Status status, String providerId, String error) {
    this(status, providerId, error, null);
  }

  public static SendResult senderBlocked(SenderProblem problem, int providerCode, String error) {
    return new SendResult(Status.SENDER_BLOCKED, null, error, null, problem, providerCode);
  }

  public static SendResult accepted(String providerId) {
    return new SendResult(Status.ACCEPTED, providerId, null);
  }

  /** The message log's answer: written down under {@code providerId}, sent nowhere. */
  public static SendResult logged(String providerId) {
    return new SendResult(Status.LOGGED, providerId, null);
  }

  public static SendResult rejected(String error) {
    return new SendResult(Status.REJECTED, null, error);
  }

  public static SendResult optedOut(String error) {
    return new SendResult(Status.OPTED_OUT, null, error);
  }

  public static SendResult unusableAddress(String error) {
    return new SendResult(Status.UNUSABLE_ADDRESS, null, error);
  }

  public static SendResult retry(String error) {
    return new SendResult(Status.RETRY, null, error);
  }

  public static SendResult unknown(String error) {
    return new SendResult(Status.UNKNOWN, null, error);
  }

  public static SendResult retryAfter(String error, Duration wait) {
    return new SendResult(Status.RETRY, null, error, wait);
  }
}
