package com.gymops.policy;

import com.gymops.domain.Approval;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a policy decided for one run: the actions to take, and the workflow's summary (counts,
 * totals), which the runner reports counted again from the actions it carried out.
 *
 * @param skipped members the rules looked at and deliberately left alone, by reason (e.g. {@code
 *     interval: 12}, {@code lock deferred to sending window: 3}); part of the report
 * @param withheld actions planned but left for a person to approve
 */
public record Plan(
    List<Action> actions,
    RunSummary summary,
    Map<String, Integer> skipped,
    List<Withheld> withheld) {
  /**
   * Planned actions the policy will not execute on its own, such as the locks the breaker withheld:
   * a person may approve them.
   */
  public record Withheld(Approval.Kind kind, String summary, List<Action> actions) {
    public Withheld {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(summary, "summary");
      actions = List.copyOf(actions);
    }
  }

  /** A plan that withholds nothing. */
  public Plan(List<Action> actions, RunSummary summary, Map<String, Integer> skipped) {
    this(actions, summary, skipped, List.of());
  }

  public Plan {
    actions = List.copyOf(actions);
    withheld = List.copyOf(withheld);
    Objects.requireNonNull(summary, "summary");
    skipped = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(skipped));
    Objects.requireNonNull(actions);
  }
}
