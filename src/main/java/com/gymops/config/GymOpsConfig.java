package com.gymops.config;

import com.gymops.domain.ClubId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole validated configuration: clubs with their effective rules, database, messaging, and how
 * {@code serve} runs.
 */
public record GymOpsConfig(
    List<ClubSettings> clubs,
    DatabaseSettings database,
    MessagingSettings messaging,
    ServerSettings server) {
  public GymOpsConfig {
    clubs = List.copyOf(clubs);
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(messaging, "messaging");
    Objects.requireNonNull(server, "server");
  }

  public GymOpsConfig(
      List<ClubSettings> clubs, DatabaseSettings database, MessagingSettings messaging) {
    this(clubs, database, messaging, ServerSettings.DEFAULTS);
  }

  public Optional<ClubSettings> club(ClubId id) {
    return clubs.stream().filter(c -> c.club().id().equals(id)).findFirst();
  }
}
