package com.gymops.domain;

import java.util.Locale;

/**
 * How a message reaches a person. Members are reached by text or email only; {@link #SLACK} and
 * {@link #TEAMS} are the manager's chat channels (incoming webhooks), for alerts and summaries.
 */
public enum Channel {
  SMS,
  EMAIL,
  SLACK,
  TEAMS;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A chat webhook rather than a person's phone or mailbox. */
  public boolean isChat() {
    return this == SLACK || this == TEAMS;
  }
}
