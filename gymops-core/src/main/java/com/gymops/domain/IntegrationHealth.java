package com.gymops.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * How one integration (Twilio, SMTP, the door system, the club system) last answered.
 *
 * @param lastSuccessAt null before its first success
 * @param lastErrorAt null before its first error; {@code lastError} says what it was
 */
public record IntegrationHealth(
    String name, Instant lastSuccessAt, Instant lastErrorAt, String lastError) {
  public IntegrationHealth {
    Objects.requireNonNull(name, "name");
  }
}
