package com.gymops.domain;

/** A count with its noun in the right number: "1 action", "2 actions", "0 actions". */
public final class Plural {
  private Plural() {}

  public static String of(long count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }
}
