package com.gymops.application.port.store;

import com.gymops.domain.DoorAccess;
import com.gymops.domain.MemberId;
import java.time.Instant;

/**
 * Door changes made by GymOps. Recording a change and setting the member's door happen together,
 * once per key. Thread-safe.
 */
public interface DoorLog {
  /** Sets the member's door and logs it, unless the key was used; returns whether it changed. */
  boolean change(MemberId member, DoorAccess door, Instant at, String runId, String idempotencyKey);

  /** Whether a change under this key was recorded: such a change is done, not to be asked again. */
  boolean isRecorded(String idempotencyKey);

  long count();

  /** One recorded door change. */
  record Change(Instant at, DoorAccess door, String runId) {}

  /** The member's door changes, oldest first. */
  java.util.List<Change> ofMember(MemberId member);
}
