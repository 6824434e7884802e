package com.gymops.application.accounts;

import com.gymops.domain.ThrottleCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rule that slows password guessing: {@code maxFailures} failed logins within {@code window}
 * lock further attempts out for {@code lockout}. Applied per account and, with a higher limit, per
 * client address. Pure.
 */
public record LoginThrottle(int maxFailures, Duration window, Duration lockout) {
  public static final LoginThrottle PER_ACCOUNT =
      new LoginThrottle(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
  public static final LoginThrottle PER_ADDRESS =
      new LoginThrottle(20, Duration.ofMinutes(15), Duration.ofMinutes(15));

  public LoginThrottle {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1");
    }
  }

  public boolean isLocked(Optional<ThrottleCounter> counter, Instant now) {
    return counter.map(ThrottleCounter::lockedUntil).filter(now::isBefore).isPresent();
  }

  /** The counter after one more failure at {@code now}: a new window once the old one ended. */
  public ThrottleCounter afterFailure(Optional<ThrottleCounter> counter, Instant now) {
    ThrottleCounter current =
        counter
            .filter(c -> now.isBefore(c.windowStart().plus(window)))
            .orElse(new ThrottleCounter(0, now, null));
    int failures = current.failures() + 1;
    return new ThrottleCounter(
        failures, current.windowStart(), failures >= maxFailures ? now.plus(lockout) : null);
  }
}
