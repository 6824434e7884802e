package com.gymops.messaging;

import java.util.Objects;

/** What a provider said about one message. */
public record SendResult(Status status, String providerId, String error) {
  public enum Status {
    ACCEPTED,
    /** The provider refused it for good (bad number, recipient opted out at the carrier). */
    REJECTED,
    /** Worth another try later (rate limit, provider down). */
    RETRY
  }

  public SendResult {
    Objects.requireNonNull(status, "status");
  }

  public static SendResult accepted(String providerId) {
    return new SendResult(Status.ACCEPTED, providerId, null);
  }

  public static SendResult rejected(String error) {
    return new SendResult(Status.REJECTED, null, error);
  }

  public static SendResult retry(String error) {
    return new SendResult(Status.RETRY, null, error);
  }
}
