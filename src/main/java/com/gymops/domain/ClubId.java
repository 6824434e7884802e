package com.gymops.domain;

import java.util.regex.Pattern;

/** A club's short identifier from the configuration, such as {@code main} or {@code downtown}. */
public record ClubId(String value) {
  private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

  public ClubId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "club id '"
              + value
              + "' must be 1-40 lowercase letters, digits, '-' or '_', starting with a letter or"
              + " digit");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
