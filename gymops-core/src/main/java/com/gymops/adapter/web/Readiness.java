package com.gymops.adapter.web;

import java.util.List;

/**
 * Whether this node can take work: what {@code /ready} reports. Implementations must be cheap and
 * thread-safe; they are called on every probe.
 */
@FunctionalInterface
public interface Readiness {
  /** What is not ready, one phrase each; empty when ready. */
  List<String> problems();
}
