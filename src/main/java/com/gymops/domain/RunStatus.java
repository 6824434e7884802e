package com.gymops.domain;

/** How a workflow run ended (or that it has not yet). */
public enum RunStatus {
  RUNNING,
  SUCCEEDED,
  /** Completed, but some effects failed (e.g. a send was refused); see the events. */
  PARTIAL,
  FAILED
}
