package com.gymops.application.run;

import java.util.Locale;

/**
 * How a run decides: by the rules alone, by the agent inside the rules, or both side by side with
 * the agent in dry-run (docs/ARCHITECTURE.md, Agent mode).
 */
public enum RunMode {
  RULES,
  AGENT,
  SHADOW;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
