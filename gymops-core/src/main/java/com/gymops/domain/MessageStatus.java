package com.gymops.domain;

/** An outbox message's life: queued until due, then sent (or failed) once. */
public enum MessageStatus {
  QUEUED,
  SENDING,
  SENT,
  DELIVERED,
  FAILED,
  /** Never sent because a rule forbade it by the time it was due (e.g. the member replied STOP). */
  SUPPRESSED
}
