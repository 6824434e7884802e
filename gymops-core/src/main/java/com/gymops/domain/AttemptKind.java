package com.gymops.domain;

import java.util.Locale;

/** What a collection contact was: one of the three reminder tiers, or a monthly invoice. */
public enum AttemptKind {
  FRIENDLY,
  FIRM,
  FINAL,
  INVOICE;

  /** Reminders count as collection attempts; invoices do not (docs/WORKFLOWS.md). */
  public boolean isReminder() {
    return this != INVOICE;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
