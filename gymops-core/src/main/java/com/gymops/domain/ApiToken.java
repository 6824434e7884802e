package com.gymops.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token of the JSON API, as stored: never its secret.
 *
 * @param club the one club it may act on; {@code null} for every club
 */
public record ApiToken(String id, String name, ClubId club, Instant createdAt, Instant revokedAt) {
  public ApiToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean revoked() {
    return revokedAt != null;
  }
}
