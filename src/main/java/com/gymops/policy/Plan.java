package com.gymops.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a policy decided for one run: the actions to take, and the figures of the seed's summary for
 * that workflow (counts, totals), which the runner reports whether or not it executes.
 *
 * @param skipped members the rules looked at and deliberately left alone, by reason (e.g. {@code
 *     interval: 12}, {@code lock deferred to sending window: 3}); part of the report
 */
public record Plan(
    List<Action> actions, Map<String, Object> summary, Map<String, Integer> skipped) {
  public Plan {
    actions = List.copyOf(actions);
    summary = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(summary));
    skipped = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(skipped));
    Objects.requireNonNull(actions);
  }
}
