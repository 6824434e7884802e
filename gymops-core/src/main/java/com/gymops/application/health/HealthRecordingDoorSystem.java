package com.gymops.application.health;

import com.gymops.application.port.DoorSystem;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;

/** The door system, its answers recorded. */
public final class HealthRecordingDoorSystem implements DoorSystem {
  public static final String NAME = "door";

  private final DoorSystem doors;
  private final HealthRecorder health;

  public HealthRecordingDoorSystem(DoorSystem doors, HealthRecorder health) {
    this.doors = doors;
    this.health = health;
  }

  @Override
  public Result change(Member member, DoorAccess target) {
    Result result;
    try {
      result = doors.change(member, target);
    } catch (RuntimeException e) {
      health.failed(NAME, e.getMessage());
      throw e;
    }
    if (result.done()) {
      health.succeeded(NAME);
    } else {
      health.failed(NAME, result.error());
    }
    return result;
  }
}
