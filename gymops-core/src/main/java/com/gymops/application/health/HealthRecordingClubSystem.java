package com.gymops.application.health;

import com.gymops.application.port.ClubSystem;
import java.time.Instant;

/** The club system's API, its answers recorded. */
public final class HealthRecordingClubSystem implements ClubSystem {
  public static final String NAME = "club_system";

  private final ClubSystem clubs;
  private final HealthRecorder health;

  public HealthRecordingClubSystem(ClubSystem clubs, HealthRecorder health) {
    this.clubs = clubs;
    this.health = health;
  }

  @Override
  public Page members(Instant updatedSince, String cursor) {
    try {
      Page page = clubs.members(updatedSince, cursor);
      health.succeeded(NAME);
      return page;
    } catch (RuntimeException e) {
      health.failed(NAME, e.getMessage());
      throw e;
    }
  }
}
