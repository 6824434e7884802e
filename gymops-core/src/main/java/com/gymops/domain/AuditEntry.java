package com.gymops.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing a person (or an API token, by its name) did: a manual member action, a hold, a pause,
 * an approval decision.
 *
 * @param target what it was done to, e.g. {@code member:M1}, {@code approval:apr-...}, {@code
 *     workflow:door-access}
 * @param before the target's state before, as short text or JSON; {@code null} when not known
 * @param after the target's state after
 */
public record AuditEntry(
    String id,
    Instant at,
    String actor,
    ClubId clubId,
    String action,
    String target,
    String before,
    String after,
    String reason) {
  public AuditEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
  }
}
