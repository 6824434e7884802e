package com.gymops.config;

import com.gymops.domain.ClubId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole validated configuration: clubs with their effective rules, database, messaging, door
 * system.
 */
public record GymOpsConfig(
    List<ClubSettings> clubs,
    DatabaseSettings database,
    MessagingSettings messaging,
    DoorSettings door) {
  public GymOpsConfig {
    clubs = List.copyOf(clubs);
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(messaging, "messaging");
    Objects.requireNonNull(door, "door");
  }

  /** A configuration whose doors are GymOps' own ({@link DoorSettings#BUILTIN}). */
  public GymOpsConfig(
      List<ClubSettings> clubs, DatabaseSettings database, MessagingSettings messaging) {
    this(clubs, database, messaging, DoorSettings.BUILTIN);
  }

  public Optional<ClubSettings> club(ClubId id) {
    return clubs.stream().filter(c -> c.club().id().equals(id)).findFirst();
  }
}
