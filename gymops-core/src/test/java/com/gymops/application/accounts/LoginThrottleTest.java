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
  void the_third_attempt_within_the_window_locks_for_the_lockout_and_the_fourth_is_refused() {
    ThrottleCounter one = throttle.afterAttempt(Optional.empty(), T0);
    ThrottleCounter two = throttle.afterAttempt(Optional.of(one), T0.plusSeconds(60));
    ThrottleCounter three = throttle.afterAttempt(Optional.of(two), T0.plusSeconds(120));
    ThrottleCounter four = throttle.afterAttempt(Optional.of(three), T0.plusSeconds(121));

    assertThat(two.lockedUntil()).isNull();
    assertThat(throttle.refuses(three)).isFalse();
    assertThat(three.lockedUntil()).isEqualTo(T0.plusSeconds(120).plus(Duration.ofMinutes(15)));
    assertThat(throttle.refuses(four)).isTrue();
    assertThat(four.lockedUntil()).isEqualTo(three.lockedUntil());
  }

  @Test
  void an_attempt_after_the_lockout_starts_a_new_count() {
    ThrottleCounter locked = new ThrottleCounter(7, T0, T0.plus(Duration.ofMinutes(20)));

    ThrottleCounter next =
        throttle.afterAttempt(Optional.of(locked), T0.plus(Duration.ofMinutes(20)));

    assertThat(next.failures()).isEqualTo(1);
    assertThat(throttle.refuses(next)).isFalse();
  }

  @Test
  void attempts_spread_wider_than_the_window_start_a_new_count() {
    ThrottleCounter old = new ThrottleCounter(2, T0, null);

    ThrottleCounter next = throttle.afterAttempt(Optional.of(old), T0.plus(Duration.ofMinutes(16)));

    assertThat(next.failures()).isEqualTo(1);
    assertThat(next.lockedUntil()).isNull();
  }

  @Test
  void a_successful_login_takes_its_own_attempt_back_off_the_count() {
    ThrottleCounter two = new ThrottleCounter(2, T0, null);

    assertThat(throttle.afterSuccess(Optional.of(two), T0))
        .isEqualTo(new ThrottleCounter(1, T0, null));
  }
}
