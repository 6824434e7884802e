package com.gymops.application.accounts;

import com.gymops.domain.ConsoleSession;
import java.time.Duration;
import java.time.Instant;

/**
 * When a console session ends by itself: after {@code idle} without a request, and {@code absolute}
 * after login whatever happens. Pure.
 */
public record SessionTimeouts(Duration idle, Duration absolute) {
  public SessionTimeouts {
    if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
      throw new IllegalArgumentException(
          "the idle timeout must be positive and at most the absolute");
    }
  }

  public boolean isLive(ConsoleSession session, Instant now) {
    return session.revokedAt() == null
        && now.isBefore(session.lastSeenAt().plus(idle))
        && now.isBefore(session.createdAt().plus(absolute));
  }
}
