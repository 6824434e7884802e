package com.gymops.application.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a members file writes its dates, chosen by whoever imports it ({@code --dates}, README's
 * import formats). 01/02/2024 is January 2 or February 1 depending on the club system, and nothing
 * in the file says which, so a slash date is read only in the order named here, never guessed.
 * YYYY-MM-DD cannot be misread and is accepted in every order.
 */
public enum DateOrder {
  /** YYYY-MM-DD only, the default. */
  ISO("iso", "YYYY-MM-DD"),
  /** MM/DD/YYYY, as US club systems and Excel in the US write dates. */
  US("us", "MM/DD/YYYY"),
  /** DD/MM/YYYY. */
  DAY_FIRST("day-first", "DD/MM/YYYY");

  private final String code;
  private final String form;

  DateOrder(String code, String form) {
    this.code = code;
    this.form = form;
  }

  /** The value of {@code --dates} that chooses this order. */
  public String code() {
    return code;
  }

  /** The order named by {@code code}, such as {@code us}, without regard to case. */
  public static Optional<DateOrder> fromCode(String code) {
    for (DateOrder order : values()) {
      if (order.code.equalsIgnoreCase(code)) {
        return Optional.of(order);
      }
    }
    return Optional.empty();
  }

  /** The codes, for help texts and messages. */
  public static String codes() {
    return String.join(", ", java.util.Arrays.stream(values()).map(DateOrder::code).toList());
  }

  /** The date {@code text} holds in this order, or {@code null} when it holds none. */
  LocalDate read(String text) {
    LocalDate iso = iso(text);
    if (iso != null || this == ISO) {
      return iso;
    }
    return slashed(text, this);
  }

  /** Why {@code text} is not a date in this order, with the option that would read it. */
  String problem(String text) {
    if (this != ISO) {
      return "'"
          + text
          + "' is not a date in "
          + form
          + " (as --dates "
          + code
          + " reads dates) or YYYY-MM-DD";
    }
    String problem = "'" + text + "' is not a date in the form yyyy-MM-dd, like 2026-01-31";
    List<String> hints = new ArrayList<>();
    if (slashed(text, US) != null) {
      hints.add("month first, import with --dates us");
    }
    if (slashed(text, DAY_FIRST) != null) {
      hints.add("day first, import with --dates day-first");
    }
    return hints.isEmpty()
        ? problem
        : problem + "; if the file writes dates " + String.join("; if ", hints);
  }

  /** Reads yyyy-MM-dd by hand: LocalDate.parse cost more than all other checks of a row. */
  private static LocalDate iso(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return null;
    }
    return date(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
  }

  /** M/D/YYYY or D/M/YYYY, one or two digits for month and day, four for the year. */
  private static LocalDate slashed(String text, DateOrder order) {
    int first = text.indexOf('/');
    int second = text.indexOf('/', first + 1);
    if (first < 1 || first > 2 || second - first < 2 || second - first > 3) {
      return null;
    }
    if (text.length() - second != 5) {
      return null;
    }
    int a = number(text, 0, first);
    int b = number(text, first + 1, second);
    int year = number(text, second + 1, text.length());
    return order == US ? date(year, a, b) : date(year, b, a);
  }

  private static LocalDate date(int year, int month, int day) {
    if (year < 0 || month < 0 || day < 0) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The decimal number in {@code text[from, to)}, or -1 when it holds anything but digits. */
  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
