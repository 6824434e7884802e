package com.gymops.application.port;

import java.time.Duration;
import java.util.Objects;

/**
 * What a provider said about one message, with what the dispatcher needs to act on it.
 *
 * @param providerId the provider's id for an accepted message (Twilio's SID), else null
 * @param error the provider's code and message, kept on the message, else null
 * @param retryAfter how long the provider asked us to wait ({@code Retry-After}), or null
 */
public record SendResult(
    Status status, String providerId, String error, Duration retryAfter, int errorCode) {
  public enum Status {
    ACCEPTED,
    /** The provider refused it for good (other 4xx): the message fails with its error. */
    REJECTED,
    /**
     * The recipient opted out at the provider or carrier (Twilio 21610): the message is suppressed,
     * not failed (the opt-out works as it should), and the member is opted out of all texts.
     */
    OPTED_OUT,
    /**
     * The provider refuses the sender itself ({@link #errorCode}: Twilio 30034, 30032, 30007,
     * 21606): the message stays queued and the sender is paused ({@link SenderHealth}).
     */
    SENDER_BLOCKED,
    /**
     * The address can never take this channel (Twilio 21211 invalid, 21614 not mobile): the message
     * fails and the member's phone is marked unusable.
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
  }

  public SendResult(Status status, String providerId, String error, Duration retryAfter) {
    this(status, providerId, error, retryAfter, 0);
  }

  public SendResult(Status status, String providerId, String error) {
    this(status, providerId, error, null);
  }

  public static SendResult senderBlocked(int errorCode, String error) {
    return new SendResult(Status.SENDER_BLOCKED, null, error, null, errorCode);
  }

  public static SendResult accepted(String providerId) {
    return new SendResult(Status.ACCEPTED, providerId, null);
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
