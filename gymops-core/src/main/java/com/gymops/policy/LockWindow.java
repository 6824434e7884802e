package com.gymops.policy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When a door may be locked. A lock waits for the sending window, so that the member's "access
 * suspended" text reaches them when it happens and nobody finds a dead fob at 3 a.m. without
 * warning. Unlocks never wait.
 */
public record LockWindow(SendingWindow window, boolean lockOutsideWindow) {
  public static final String DEFERRED = "lock deferred to sending window";

  public LockWindow {
    Objects.requireNonNull(window, "window");
  }

  public static LockWindow of(ClubPolicy policy) {
    return new LockWindow(policy.messaging().window(), policy.access().lockOutsideWindow());
  }

  public boolean permitsLockAt(Instant now, ZoneId zone) {
    return lockOutsideWindow || window.contains(LocalTime.ofInstant(now, zone));
  }
}
