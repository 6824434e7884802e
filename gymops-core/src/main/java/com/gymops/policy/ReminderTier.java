package com.gymops.policy;

import java.util.Locale;

/** The three payment reminder tiers, mildest first: the order is the severity. */
public enum ReminderTier {
  FRIENDLY,
  FIRM,
  FINAL;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
