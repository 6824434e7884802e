package com.gymops.application.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.domain.ConsoleSession;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionTimeoutsTest {
  private static final Instant LOGIN = Instant.parse("2026-12-01T08:00:00Z");
  private final SessionTimeouts timeouts =
      new SessionTimeouts(Duration.ofMinutes(30), Duration.ofHours(12));

  @Test
  void a_session_ends_after_thirty_idle_minutes() {
    ConsoleSession session = session(LOGIN, null);

    assertThat(timeouts.isLive(session, LOGIN.plus(Duration.ofMinutes(29)))).isTrue();
    assertThat(timeouts.isLive(session, LOGIN.plus(Duration.ofMinutes(30)))).isFalse();
  }

  @Test
  void a_busy_session_still_ends_twelve_hours_after_login() {
    Instant late = LOGIN.plus(Duration.ofHours(12));

    assertThat(timeouts.isLive(session(late.minusSeconds(60), null), late.minusSeconds(1)))
        .isTrue();
    assertThat(timeouts.isLive(session(late.minusSeconds(60), null), late)).isFalse();
  }

  @Test
  void a_revoked_session_is_over_at_once() {
    assertThat(timeouts.isLive(session(LOGIN, LOGIN), LOGIN.plusSeconds(1))).isFalse();
  }

  @Test
  void an_absolute_timeout_shorter_than_the_idle_one_is_refused() {
    assertThatThrownBy(() -> new SessionTimeouts(Duration.ofHours(2), Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ConsoleSession session(Instant lastSeen, Instant revoked) {
    return new ConsoleSession("h", "ana@example.com", "c", "127.0.0.1", LOGIN, lastSeen, revoked);
  }
}
