package com.gymops.bench;

import java.util.Locale;

/** What {@code gymops bench} can measure; docs/BENCHMARKS.md. */
public enum Scenario {
  RULES,
  AGENT,
  DISPATCH,
  STARTUP,
  /** The manager console's pages over HTTP; not in the default set. */
  CONSOLE,
  /** A provider's paid event to the door system's unlock call, on serve; not in the default set. */
  PAYMENT,
  /**
   * A one-off text to everyone, asked and approved, against a campaign run; not in the default set.
   */
  MESSAGE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
