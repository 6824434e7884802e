package com.gymops.domain;

/**
 * Why a door is locked. GymOps only ever unlocks {@link #PAYMENT} locks: a lock set by staff for
 * any other reason is theirs to lift.
 */
public enum LockReason {
  PAYMENT,
  OTHER
}
