package com.gymops.domain;

import java.util.Locale;

/** How a message reaches a person. */
public enum Channel {
  SMS,
  EMAIL;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
