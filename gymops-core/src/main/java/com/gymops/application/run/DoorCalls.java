package com.gymops.application.run;

import com.gymops.application.port.DoorSystem;
import com.gymops.application.port.store.DoorLog;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;

/**
 * Asks the door system for a member's door change, outside any transaction: its call may take its
 * timeouts and retries, and no transaction may wait on it. A change whose key is recorded already
 * is not asked again; any other is, since the door system treats a repeated change as harmless.
 */
final class DoorCalls {
  private final DoorLog doors;
  private final DoorSystem doorSystem;

  DoorCalls(DoorLog doors, DoorSystem doorSystem) {
    this.doors = doors;
    this.doorSystem = doorSystem;
  }

  DoorAnswer ask(Member member, DoorAccess target, String key) {
    if (doors.isRecorded(key)) {
      return DoorAnswer.alreadyRecorded();
    }
    DoorSystem.Result result;
    try {
      result = doorSystem.change(member, target);
    } catch (RuntimeException e) {
      return DoorAnswer.unknown(
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    return result.done() ? DoorAnswer.confirmed() : DoorAnswer.refused(result.error());
  }
}
