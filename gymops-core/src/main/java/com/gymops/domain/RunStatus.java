package com.gymops.domain;

/** How a workflow run ended (or that it has not yet). */
public enum RunStatus {
  RUNNING,
  SUCCEEDED,
  /** Completed, but some effects failed (e.g. a send was refused); see the events. */
  PARTIAL,
  FAILED,
  /**
   * The process running it died (killed, crashed, powered off) before it finished: found on a later
   * start, or when its lease expired. The effects it committed stand, each with its event; a rerun
   * of the period does what is missing.
   */
  INTERRUPTED
}
