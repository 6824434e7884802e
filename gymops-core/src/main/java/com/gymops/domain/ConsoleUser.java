package com.gymops.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A person who logs in to the manager console.
 *
 * @param email the login, lowercased
 * @param allClubs whether the user sees every club; otherwise only {@code clubs}
 * @param passwordHash the password's Argon2id hash in the PHC string format
 */
public record ConsoleUser(
    String email,
    ConsoleRole role,
    boolean allClubs,
    Set<ClubId> clubs,
    String passwordHash,
    boolean disabled,
    Instant createdAt) {
  public ConsoleUser {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
    clubs = Set.copyOf(clubs);
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
    if (!allClubs && clubs.isEmpty()) {
      throw new IllegalArgumentException("a user sees all clubs or at least one");
    }
  }

  public boolean sees(ClubId club) {
    return allClubs || clubs.contains(club);
  }
}
