package com.gymops.config;

import com.gymops.domain.ClubId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole validated configuration: clubs with their effective rules, database, messaging, how
 * {@code serve} runs, the agent, and the door system.
 */
public record GymOpsConfig(
    List<ClubSettings> clubs,
    DatabaseSettings database,
    MessagingSettings messaging,
    ServerSettings server,
    AgentSettings agent,
    DoorSettings door) {
  public GymOpsConfig {
    clubs = List.copyOf(clubs);
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(messaging, "messaging");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(door, "door");
  }

  /** A configuration with the default server, no agent (rules only) and GymOps' own doors. */
  public GymOpsConfig(
      List<ClubSettings> clubs, DatabaseSettings database, MessagingSettings messaging) {
    this(
        clubs,
        database,
        messaging,
        ServerSettings.DEFAULTS,
        AgentSettings.DEFAULTS,
        DoorSettings.BUILTIN);
  }

  public Optional<ClubSettings> club(ClubId id) {
    return clubs.stream().filter(c -> c.club().id().equals(id)).findFirst();
  }
}
