package com.gymops.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Failed logins of one account or one address since {@code windowStart}.
 *
 * @param lockedUntil no login is tried before this instant; null when not locked
 */
public record ThrottleCounter(int failures, Instant windowStart, Instant lockedUntil) {
  public ThrottleCounter {
    Objects.requireNonNull(windowStart, "windowStart");
    if (failures < 0) {
      throw new IllegalArgumentException("failures must not be negative");
    }
  }
}
