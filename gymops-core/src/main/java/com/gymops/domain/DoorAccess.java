package com.gymops.domain;

import java.util.Objects;

/** A member's door state with the reason for a lock; an active door has no reason. */
public record DoorAccess(DoorState state, LockReason lockReason) {
  public static final DoorAccess OPEN = new DoorAccess(DoorState.ACTIVE, null);
  public static final DoorAccess LOCKED_FOR_PAYMENT =
      new DoorAccess(DoorState.LOCKED, LockReason.PAYMENT);
  public static final DoorAccess LOCKED_OTHER = new DoorAccess(DoorState.LOCKED, LockReason.OTHER);

  public DoorAccess {
    Objects.requireNonNull(state, "state");
    if (state == DoorState.ACTIVE && lockReason != null) {
      throw new IllegalArgumentException("an active door has no lock reason");
    }
    if (state == DoorState.LOCKED && lockReason == null) {
      throw new IllegalArgumentException("a locked door needs a lock reason");
    }
  }

  public boolean isLocked() {
    return state == DoorState.LOCKED;
  }

  public boolean isLockedForPayment() {
    return state == DoorState.LOCKED && lockReason == LockReason.PAYMENT;
  }

  /** The import/export code: {@code ACTIVE}, {@code LOCKED_PAYMENT} or {@code LOCKED_OTHER}. */
  public String code() {
    return state == DoorState.ACTIVE ? "ACTIVE" : "LOCKED_" + lockReason.name();
  }

  public static DoorAccess fromCode(String code) {
    return switch (code) {
      case "ACTIVE" -> OPEN;
      case "LOCKED_PAYMENT" -> LOCKED_FOR_PAYMENT;
      case "LOCKED_OTHER" -> LOCKED_OTHER;
      default ->
          throw new IllegalArgumentException(
              "door state '" + code + "' is not one of ACTIVE, LOCKED_PAYMENT, LOCKED_OTHER");
    };
  }
}
