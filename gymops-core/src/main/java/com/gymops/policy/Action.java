package com.gymops.policy;

import com.gymops.domain.MemberId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One planned effect, with the rule that produced it and the inputs that rule saw, so every action
 * can be explained afterwards.
 *
 * @param member the member it concerns; {@code null} for club-level actions such as a manager
 *     summary
 * @param rule a stable rule id such as {@code past-due.tier.firm} or {@code door.lock.grace}
 * @param inputs the facts the rule used, in a stable order (e.g. amount, attempts, days past due)
 */
public record Action(MemberId member, Effect effect, String rule, Map<String, String> inputs) {
  public Action {
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(rule, "rule");
    inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
  }

  public String name() {
    return effect.name();
  }

  public String detail() {
    return effect.detail();
  }
}
