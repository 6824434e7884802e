package com.gymops.domain;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A club GymOps runs for, with the zone all of its local times are read in.
 *
 * @param frontDeskPhone the number member messages tell people to call; null when none is set
 * @param state the club's US state ({@code clubs[].state}), the texting law for members whose own
 *     state is unknown; {@code null} when not configured
 */
public record Club(
    ClubId id,
    String name,
    ZoneId zone,
    String managerPhone,
    String managerEmail,
    String frontDeskPhone,
    UsState state) {
  public Club {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(zone, "zone");
  }

  /** A club without a front-desk number or a configured state. */
  public Club(ClubId id, String name, ZoneId zone, String managerPhone, String managerEmail) {
    this(id, name, zone, managerPhone, managerEmail, null, null);
  }
}
