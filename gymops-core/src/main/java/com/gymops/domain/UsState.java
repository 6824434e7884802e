package com.gymops.domain;

import java.util.Locale;
import java.util.Set;

/** A US state, or DC, by its two-letter postal code ({@code CT}, {@code TX}). */
public record UsState(String code) {
  private static final Set<String> CODES =
      Set.of(
          "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
          "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
          "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
          "VT", "VA", "WA", "WV", "WI", "WY");

  public UsState {
    if (code == null || !CODES.contains(code)) {
      throw new IllegalArgumentException(
          "'" + code + "' is not a US state's two-letter code, such as NY or TX");
    }
  }

  /** Reads a code as people write it: any case, surrounding spaces ({@code " tx"} is TX). */
  public static UsState parse(String text) {
    String code = text == null ? null : text.strip().toUpperCase(Locale.ROOT);
    if (code == null || !CODES.contains(code)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a US state's two-letter code, such as NY or TX");
    }
    return new UsState(code);
  }

  @Override
  public String toString() {
    return code;
  }
}
