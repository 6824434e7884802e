package com.gymops.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A browser logged in to the console.
 *
 * @param tokenHash the SHA-256 (hex) of the cookie's token; the token itself is never stored
 * @param csrfToken what every state-changing request of this session must carry
 * @param address the client address it was opened from
 * @param revokedAt when it was logged out or its user disabled; null while open
 */
public record ConsoleSession(
    String tokenHash,
    String email,
    String csrfToken,
    String address,
    Instant createdAt,
    Instant lastSeenAt,
    Instant revokedAt) {
  public ConsoleSession {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(csrfToken, "csrfToken");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastSeenAt, "lastSeenAt");
  }
}
