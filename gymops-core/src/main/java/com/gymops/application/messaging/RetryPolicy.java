package com.gymops.application.messaging;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How long a message the provider asked us to retry waits: exponential backoff from {@code first},
 * never shorter than the provider's {@code Retry-After}, capped at {@code longest}, plus up to a
 * fifth more of random jitter so that messages refused together do not all come back together.
 * After {@code maxAttempts} refusals the message fails for good.
 *
 * @param jitter values in [0, 1); {@code () -> 0} makes the waits exact (tests)
 */
public record RetryPolicy(
    Duration first, Duration longest, int maxAttempts, DoubleSupplier jitter) {
  /** 5, 10, 20, 40 min, then hourly: the 6th refusal, about 2 h 15 min in, fails the message. */
  public static final RetryPolicy EXACT =
      new RetryPolicy(Duration.ofMinutes(5), Duration.ofHours(1), 6, () -> 0);

  public RetryPolicy {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(longest, "longest");
    Objects.requireNonNull(jitter, "jitter");
    if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
      throw new IllegalArgumentException("need 0 < first <= longest");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** The policy of {@link #EXACT} with random jitter, for production. */
  public static RetryPolicy withJitter(DoubleSupplier jitter) {
    return new RetryPolicy(EXACT.first, EXACT.longest, EXACT.maxAttempts, jitter);
  }

  public boolean givesUpAfter(int attempts) {
    return attempts >= maxAttempts;
  }

  /** The wait after the {@code attempts}-th refusal (1 for the first). */
  public Duration delay(int attempts, Duration retryAfter) {
    Duration backoff = first.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
    if (backoff.compareTo(longest) > 0) {
      backoff = longest;
    }
    if (retryAfter != null && retryAfter.compareTo(backoff) > 0) {
      backoff = retryAfter;
    }
    double spread = Math.min(Math.max(jitter.getAsDouble(), 0), 1) * 0.2;
    return backoff.plusMillis((long) (backoff.toMillis() * spread));
  }
}
