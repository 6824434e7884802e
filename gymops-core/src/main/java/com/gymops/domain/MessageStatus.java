package com.gymops.domain;

/** An outbox message's life: queued until due, then sent, logged (or failed) once. */
public enum MessageStatus {
  QUEUED,
  SENDING,
  SENT,
  DELIVERED,
  /**
   * Written to the message log because no real provider is configured (the demo, a new install):
   * final like SENT, but nothing left, so it is never counted or called sent (docs/DATA-MODEL.md).
   */
  LOGGED,
  FAILED,
  /** Never sent because a rule forbade it by the time it was due (e.g. the member replied STOP). */
  SUPPRESSED
}
