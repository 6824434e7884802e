package com.gymops.policy;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/** The last escalation of a member: when, and for which reasons (reason codes). */
public record Escalation(LocalDate on, Set<String> reasons) {
  public Escalation {
    Objects.requireNonNull(on, "on");
    reasons = Set.copyOf(reasons);
  }
}
