package com.gymops.domain;

import java.util.regex.Pattern;

/**
 * A club's short identifier from the configuration, such as {@code main} or {@code NYC01}. Kept as
 * written (club systems write {@code NYC01}); {@link #sameAs} compares without case, which is how
 * files, commands and other systems are matched to a configured club.
 */
public record ClubId(String value) {
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

  public ClubId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "club id '"
              + value
              + "' must be 1-40 letters, digits, '-' or '_', starting with a letter or digit");
    }
  }

  /** Whether both name the same club, whatever the case ({@code NYC01} is {@code nyc01}). */
  public boolean sameAs(ClubId other) {
    return other != null && value.equalsIgnoreCase(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
