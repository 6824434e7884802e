package com.gymops.domain;

import java.util.Locale;

/**
 * What became of a collection contact, as far as the provider told us — or, for {@link
 * #SUPPRESSED}, as we decided before it left.
 */
public enum AttemptOutcome {
  SENT,
  DELIVERED,
  /** It could not reach the member (provider refusal, no phone, STOP): feeds escalation. */
  FAILED,
  /**
   * It never left, on purpose: the member paid up or was referred to the agency before it could, or
   * a manager cancelled it. Not a contact and not a failure (escalation must not tell a manager of
   * "failed reminders" that nobody sent); it still restarts the reminder interval, so a cancelled
   * reminder is not written again an hour later.
   */
  SUPPRESSED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
