package com.gymops.domain;

/** How soon staff should read a note. */
public enum NotePriority {
  NORMAL,
  HIGH,
  URGENT
}
