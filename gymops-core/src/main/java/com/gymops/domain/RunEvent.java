package com.gymops.domain;

import java.util.Objects;

/**
 * What happened to one action of a run: the action, the rule behind it, the inputs the rule saw (as
 * JSON) and the outcome ({@code done}, {@code already done}, {@code planned} in a dry run, {@code
 * failed: ...}).
 */
public record RunEvent(
    int seq,
    MemberId memberId,
    String action,
    String detail,
    String rule,
    String inputsJson,
    String outcome) {
  public RunEvent {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(outcome, "outcome");
  }
}
