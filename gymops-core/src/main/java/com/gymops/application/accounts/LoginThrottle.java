package com.gymops.application.accounts;

import com.gymops.domain.ThrottleCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rule that slows password guessing: {@code maxFailures} login attempts within {@code window}
 * that did not succeed lock further attempts out for {@code lockout}. Applied per account and, with
 * a higher limit, per client address. Every attempt is counted before its password is checked, so
 * attempts sent at the same moment cannot all be evaluated; a successful login gives its own
 * attempt back, so the count is of failures (see docs/SECURITY.md). Pure.
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

  /**
   * The counter after one more attempt at {@code now}: a new window once the old one ended or its
   * lockout passed; the attempt that reaches {@code maxFailures} starts the lockout.
   */
  public ThrottleCounter afterAttempt(Optional<ThrottleCounter> counter, Instant now) {
    Optional<ThrottleCounter> live = counter.filter(c -> isLive(c, now));
    if (live.isPresent() && isLocked(live.get(), now)) {
      ThrottleCounter locked = live.get();
      return new ThrottleCounter(locked.failures() + 1, locked.windowStart(), locked.lockedUntil());
    }
    ThrottleCounter current = live.orElse(new ThrottleCounter(0, now, null));
    int attempts = current.failures() + 1;
    return new ThrottleCounter(
        attempts, current.windowStart(), attempts >= maxFailures ? now.plus(lockout) : null);
  }

  /** Whether the attempt that produced {@code counter} must be refused without a password check. */
  public boolean refuses(ThrottleCounter counter) {
    return counter.failures() > maxFailures;
  }

  /** The counter after an attempt counted against it turned out to be a successful login. */
  public ThrottleCounter afterSuccess(Optional<ThrottleCounter> counter, Instant now) {
    ThrottleCounter current = counter.orElse(new ThrottleCounter(0, now, null));
    int attempts = Math.max(0, current.failures() - 1);
    return new ThrottleCounter(
        attempts, current.windowStart(), attempts >= maxFailures ? current.lockedUntil() : null);
  }

  private boolean isLive(ThrottleCounter counter, Instant now) {
    if (counter.lockedUntil() != null) {
      return now.isBefore(counter.lockedUntil());
    }
    return now.isBefore(counter.windowStart().plus(window));
  }

  private static boolean isLocked(ThrottleCounter counter, Instant now) {
    return counter.lockedUntil() != null && now.isBefore(counter.lockedUntil());
  }
}
