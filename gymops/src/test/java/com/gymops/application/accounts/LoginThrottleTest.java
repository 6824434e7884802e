package com.gymops.application.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.ThrottleCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private final LoginThrottle throttle =
      new LoginThrottle(3, Duration.ofMinutes(15), Duration.ofMinutes(15));

  @Test
  void the_third_failure_within_the_window_locks_for_the_lockout() {
    ThrottleCounter one = throttle.afterFailure(Optional.empty(), T0);
    ThrottleCounter two = throttle.afterFailure(Optional.of(one), T0.plusSeconds(60));
    ThrottleCounter three = throttle.afterFailure(Optional.of(two), T0.plusSeconds(120));

    assertThat(throttle.isLocked(Optional.of(two), T0.plusSeconds(120))).isFalse();
    assertThat(three.lockedUntil()).isEqualTo(T0.plusSeconds(120).plus(Duration.ofMinutes(15)));
    assertThat(throttle.isLocked(Optional.of(three), T0.plusSeconds(121))).isTrue();
    assertThat(throttle.isLocked(Optional.of(three), three.lockedUntil())).isFalse();
  }

  @Test
  void failures_spread_wider_than_the_window_start_a_new_count() {
    ThrottleCounter old = new ThrottleCounter(2, T0, null);

    ThrottleCounter next = throttle.afterFailure(Optional.of(old), T0.plus(Duration.ofMinutes(16)));

    assertThat(next.failures()).isEqualTo(1);
    assertThat(next.lockedUntil()).isNull();
  }
}
