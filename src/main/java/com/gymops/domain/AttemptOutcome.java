package com.gymops.domain;

import java.util.Locale;

/** What became of a collection contact, as far as the provider told us. */
public enum AttemptOutcome {
  SENT,
  DELIVERED,
  FAILED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
