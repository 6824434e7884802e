package com.gymops.application.importing;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The spellings a column accepts, matched without regard to case, and how to list them in an error
 * message. Lookups are a map hit rather than {@code valueOf} and a caught exception per cell.
 */
final class CodeTable<T> {
  private final Map<String, T> byCode;
  private final String expected;

  private CodeTable(Map<String, T> byCode, String expected) {
    this.byCode = new HashMap<>();
    byCode.forEach((code, value) -> this.byCode.put(code.toLowerCase(Locale.ROOT), value));
    this.expected = expected;
  }

  /** Accepts each value under the code it is written with in files. */
  static <T> CodeTable<T> of(Collection<T> values, Function<T, String> code) {
    Map<String, T> byCode = new LinkedHashMap<>();
    values.forEach(value -> byCode.put(code.apply(value), value));
    return new CodeTable<>(byCode, String.join(", ", byCode.keySet()));
  }

  /** Accepts several spellings per value, described by {@code expected}. */
  static <T> CodeTable<T> of(Map<String, T> byCode, String expected) {
    return new CodeTable<>(byCode, expected);
  }

  Optional<T> find(String text) {
    return Optional.ofNullable(byCode.get(text.toLowerCase(Locale.ROOT)));
  }

  /** The accepted codes, for messages such as "'x' is not one of ...". */
  String expected() {
    return expected;
  }
}
