package com.gymops.domain;

import java.time.Instant;
import java.util.Objects;

/** One collection contact with a member: a reminder or an invoice, and how it went. */
public record CollectionAttempt(
    MemberId memberId,
    Instant attemptedAt,
    AttemptKind kind,
    Channel channel,
    AttemptOutcome outcome) {

  public CollectionAttempt {
    Objects.requireNonNull(memberId, "memberId");
    Objects.requireNonNull(attemptedAt, "attemptedAt");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(outcome, "outcome");
  }
}
