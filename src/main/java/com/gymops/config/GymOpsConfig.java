package com.gymops.config;

import com.gymops.domain.ClubId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole validated configuration: clubs with their effective rules, database, messaging, agent.
 */
public record GymOpsConfig(
    List<ClubSettings> clubs,
    DatabaseSettings database,
    MessagingSettings messaging,
    AgentSettings agent) {
  public GymOpsConfig {
    clubs = List.copyOf(clubs);
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(messaging, "messaging");
    Objects.requireNonNull(agent, "agent");
  }

  /** A configuration without agent settings: rules only, as before agent mode existed. */
  public GymOpsConfig(
      List<ClubSettings> clubs, DatabaseSettings database, MessagingSettings messaging) {
    this(clubs, database, messaging, AgentSettings.DEFAULTS);
  }

  public Optional<ClubSettings> club(ClubId id) {
    return clubs.stream().filter(c -> c.club().id().equals(id)).findFirst();
  }
}
