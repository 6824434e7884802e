package com.gymops.domain;

/** Whether a member's key fob opens the club's doors. */
public enum DoorState {
  ACTIVE,
  LOCKED
}
