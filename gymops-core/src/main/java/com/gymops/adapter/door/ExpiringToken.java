package com.gymops.adapter.door;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A login token that expires: obtained when first needed, renewed {@link #RENEW_AHEAD} before its
 * expiry so no call goes out with a token about to lapse, and dropped when a call is refused with
 * 401 so the next call logs in again. Thread-safe.
 */
abstract class ExpiringToken implements DoorHttp.DoorAuth {
  /** Brivo's tokens live five minutes; a minute's margin covers a slow call and clock drift. */
  static final Duration RENEW_AHEAD = Duration.ofSeconds(60);

  /** A token and the instant it stops working. */
  record Issued(String token, Instant expiresAt) {}

  private final Clock clock;
  private Issued current;

  ExpiringToken(Clock clock) {
    this.clock = clock;
  }

  /** Logs in now. */
  abstract Issued issue();

  /** Adds the token (and whatever else every call carries) to a request. */
  abstract void sign(java.net.http.HttpRequest.Builder request, String token);

  @Override
  public final void sign(java.net.http.HttpRequest.Builder request) {
    sign(request, token());
  }

  @Override
  public final synchronized boolean renewAfterRefusal() {
    current = null;
    return true;
  }

  /** Logs in again now, to check the credentials ({@code gymops doctor}). */
  final synchronized Issued renew() {
    current = issue();
    return current;
  }

  final Clock clock() {
    return clock;
  }

  private synchronized String token() {
    if (current == null || !clock.instant().isBefore(current.expiresAt().minus(RENEW_AHEAD))) {
      current = issue();
    }
    return current.token();
  }
}
