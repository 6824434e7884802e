package com.gymops.bench.drill;

import java.util.List;
import java.util.Map;

/**
 * What one scenario's drill did: how many times it killed the process, the counts it checked after
 * the kills ({@code acknowledged_payments}, {@code texts_received} ...), and every broken invariant
 * (none, when the store keeps its promise).
 */
public record DrillResult(
    String scenario,
    int kills,
    Map<String, Long> counts,
    List<String> violations,
    List<String> notes) {
  /**
   * @param notes what the drill checked differently on this store, and why (PostgreSQL: what stands
   *     in for SQLite's integrity check, how a killed run's lease is waited for)
   */
  public DrillResult {
    counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    violations = List.copyOf(violations);
    notes = List.copyOf(notes);
  }

  public boolean passed() {
    return violations.isEmpty();
  }
}
