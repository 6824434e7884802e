package com.gymops.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code approvals} section: which planned actions wait for a person, and for how long.
 *
 * @param breaker whether the locks the breaker withholds ({@code access.max_locks_per_run}) wait
 *     for approval (true); false: they are only withheld, as before, and the manager is told
 * @param timeout how long an approval stays pending before it expires, which executes nothing (4h)
 */
public record ApprovalSettings(boolean breaker, Duration timeout) {
  public static final ApprovalSettings DEFAULTS = new ApprovalSettings(true, Duration.ofHours(4));

  public ApprovalSettings {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the approval timeout must be positive");
    }
  }
}
