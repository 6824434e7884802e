package com.gymops.domain;

import java.time.ZoneId;
import java.util.Objects;

/** A club GymOps runs for, with the zone all of its local times are read in. */
public record Club(ClubId id, String name, ZoneId zone, String managerPhone, String managerEmail) {
  public Club {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(zone, "zone");
  }
}
