package com.gymops.adapter.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.gymops.domain.Money;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cursor over one mapping of the parsed YAML tree that knows its key path, such as {@code
 * clubs[0].access}. Reads never throw: a bad value is recorded as a problem with its path and the
 * default is returned, so one pass over the file finds every mistake. Every key a read asks for
 * becomes known, so keys nobody asked for can afterwards be reported as typos.
 */
final class ConfigNode {
  private static final Pattern TIME_OF_DAY = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})\\s*([dhm])");

  private final JsonNode node;
  private final String path;
  private final List<String> problems;
  private final Set<String> knownKeys = new LinkedHashSet<>();
  private final Map<String, ConfigNode> sections = new LinkedHashMap<>();
  private final List<ConfigNode> listItems = new ArrayList<>();

  private ConfigNode(JsonNode node, String path, List<String> problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
  }

  /** The top of a document; an empty document counts as an empty mapping. */
  static ConfigNode root(JsonNode tree, List<String> problems) {
    ConfigNode root = new ConfigNode(MissingNode.getInstance(), "", problems);
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      return root;
    }
    if (!tree.isObject()) {
      problems.add(
          "the file must be a mapping of settings such as 'clubs:' and 'database:', got "
              + describe(tree));
      return root;
    }
    return new ConfigNode(tree, "", problems);
  }

  String path() {
    return path;
  }

  boolean isPresent() {
    return node.isObject();
  }

  /** A nested mapping; absent (or empty) gives an empty section whose reads return defaults. */
  ConfigNode section(String key) {
    return sections.computeIfAbsent(
        key,
        k -> {
          JsonNode value = valueOf(k);
          if (value != null && !value.isObject()) {
            problemAt(k, "expected a mapping of settings, got " + describe(value));
            value = null;
          }
          return new ConfigNode(
              value == null ? MissingNode.getInstance() : value, keyPath(k), problems);
        });
  }

  /**
   * The mappings in a list; empty when the key is absent. Items that are not mappings are reported.
   */
  Optional<List<ConfigNode>> list(String key) {
    JsonNode value = valueOf(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isArray()) {
      problemAt(key, "expected a list, got " + describe(value));
      return Optional.empty();
    }
    List<ConfigNode> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      String itemPath = keyPath(key) + "[" + i + "]";
      JsonNode item = value.get(i);
      if (item.isObject()) {
        items.add(new ConfigNode(item, itemPath, problems));
      } else {
        problems.add(itemPath + ": expected a mapping of settings, got " + describe(item));
      }
    }
    listItems.addAll(items);
    return Optional.of(items);
  }

  /**
   * Reads a scalar through {@code parse}, whose {@link IllegalArgumentException} message becomes
   * the problem. Empty when the key is absent or the value is bad.
   */
  <T> Optional<T> optional(String key, Function<String, T> parse) {
    JsonNode value = valueOf(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isContainerNode()) {
      problemAt(key, "expected a single value, got " + describe(value));
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(value.asText()));
    } catch (IllegalArgumentException e) {
      problemAt(key, e.getMessage());
      return Optional.empty();
    }
  }

  <T> T value(String key, T defaultValue, Function<String, T> parse) {
    return optional(key, parse).orElse(defaultValue);
  }

  /** Like {@link #optional} but reports an absent key as a problem. */
  <T> Optional<T> required(String key, Function<String, T> parse) {
    if (!has(key)) {
      knownKeys.add(key);
      problemAt(key, "required");
      return Optional.empty();
    }
    return optional(key, parse);
  }

  Optional<String> optionalText(String key) {
    return optional(key, ConfigNode::nonBlank);
  }

  String text(String key, String defaultValue) {
    return value(key, defaultValue, ConfigNode::nonBlank);
  }

  int integer(String key, int defaultValue, int min, int max) {
    JsonNode value = valueOf(key);
    if (value == null) {
      return defaultValue;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      problemAt(key, describe(value) + " is not a whole number");
      return defaultValue;
    }
    int number = value.intValue();
    if (number < min || number > max) {
      problemAt(
          key,
          max == Integer.MAX_VALUE
              ? "must be at least " + min + ", got " + number
              : "must be between " + min + " and " + max + ", got " + number);
      return defaultValue;
    }
    return number;
  }

  boolean bool(String key, boolean defaultValue) {
    JsonNode value = valueOf(key);
    if (value == null) {
      return defaultValue;
    }
    if (!value.isBoolean()) {
      problemAt(key, describe(value) + " is not true or false");
      return defaultValue;
    }
    return value.booleanValue();
  }

  Money money(String key, Money defaultValue, Money min) {
    return value(
        key,
        defaultValue,
        text -> {
          Money amount = Money.parse(text);
          if (amount.compareTo(min) < 0) {
            throw new IllegalArgumentException("must be at least " + min + ", got " + amount);
          }
          return amount;
        });
  }

  LocalTime timeOfDay(String key, LocalTime defaultValue) {
    return value(key, defaultValue, ConfigNode::parseTimeOfDay);
  }

  ZoneId zone(String key, ZoneId defaultValue) {
    return value(
        key,
        defaultValue,
        text -> {
          try {
            return ZoneId.of(text.trim());
          } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                "'" + text + "' is not a time zone (use an IANA name such as America/New_York)", e);
          }
        });
  }

  Duration duration(String key, Duration defaultValue) {
    return value(key, defaultValue, ConfigNode::parseDuration);
  }

  /** A mapping of free-form keys to texts, such as message templates. */
  Map<String, String> textMap(String key, Pattern keyFormat) {
    ConfigNode section = section(key);
    Map<String, String> texts = new LinkedHashMap<>();
    section.node.properties().forEach(entry -> section.knownKeys.add(entry.getKey()));
    for (Map.Entry<String, JsonNode> entry : section.node.properties()) {
      if (!keyFormat.matcher(entry.getKey()).matches()) {
        section.problemAt(entry.getKey(), "not a valid key (use lowercase letters, digits and _)");
        continue;
      }
      section.optionalText(entry.getKey()).ifPresent(text -> texts.put(entry.getKey(), text));
    }
    return texts;
  }

  /** Reports a key that must not be set here, with the reason, instead of "unknown setting". */
  void forbid(String key, String reason) {
    if (node.has(key)) {
      knownKeys.add(key);
      problemAt(key, reason);
    }
  }

  /**
   * Builds a record from values read from this section, turning the record's own validation (such
   * as "start must be before end") into a problem at this section's path. Skipped when a value in
   * the section was already bad, since the record would then be checked against a stand-in default
   * and report something the user never wrote.
   */
  <T> T build(Supplier<T> constructor, T fallback) {
    if (hasProblems()) {
      return fallback;
    }
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      problems.add(where() + ": " + e.getMessage());
      return fallback;
    }
  }

  void problemAt(String key, String message) {
    problems.add(keyPath(key) + ": " + message);
  }

  /** Reports, in this section and every section read below it, the keys no read asked for. */
  void reportUnknownKeys() {
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!knownKeys.contains(entry.getKey())) {
        problemAt(entry.getKey(), "unknown setting" + suggestionFor(entry.getKey()));
      }
    }
    sections.values().forEach(ConfigNode::reportUnknownKeys);
    listItems.forEach(ConfigNode::reportUnknownKeys);
  }

  /**
   * Key paths this section and those below it know but the document leaves out; lets a test check
   * that the example config shows every setting.
   */
  List<String> absentKnownKeys() {
    List<String> absent = new ArrayList<>();
    for (String key : knownKeys) {
      if (!has(key)) {
        absent.add(keyPath(key));
      }
    }
    sections.values().forEach(section -> absent.addAll(section.absentKnownKeys()));
    listItems.forEach(item -> absent.addAll(item.absentKnownKeys()));
    return absent;
  }

  private boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  /** The value of a key, or null when absent or written empty ({@code key:} with no value). */
  private JsonNode valueOf(String key) {
    knownKeys.add(key);
    return has(key) ? node.get(key) : null;
  }

  private boolean hasProblems() {
    String inside = path + ".";
    String at = path + ":";
    return problems.stream().anyMatch(p -> p.startsWith(inside) || p.startsWith(at));
  }

  private String keyPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private String where() {
    return path.isEmpty() ? "(top level)" : path;
  }

  private String suggestionFor(String unknown) {
    return knownKeys.stream()
        .filter(known -> !node.has(known))
        .min(Comparator.comparingInt(known -> editDistance(unknown, known)))
        .filter(known -> editDistance(unknown, known) <= 2)
        .map(known -> " (did you mean " + known + "?)")
        .orElse("");
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static String nonBlank(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("must not be blank");
    }
    return text.strip();
  }

  static LocalTime parseTimeOfDay(String text) {
    String trimmed = text.trim();
    if (!TIME_OF_DAY.matcher(trimmed).matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a time of day (use HH:MM from 00:00 to 23:59, e.g. 08:00)");
    }
    return LocalTime.parse(trimmed);
  }

  static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a date (use YYYY-MM-DD, e.g. 2026-01-05)", e);
    }
  }

  private static Duration parseDuration(String text) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    Matcher shortForm = SHORT_DURATION.matcher(trimmed);
    Duration duration;
    if (shortForm.matches()) {
      long amount = Long.parseLong(shortForm.group(1));
      duration =
          switch (shortForm.group(2)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMinutes(amount);
          };
    } else {
      try {
        duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "'" + text + "' is not a duration (use e.g. 72h, 90m, 3d)", e);
      }
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("'" + text + "' is negative");
    }
    return duration;
  }

  private static String describe(JsonNode value) {
    if (value.isArray()) {
      return "a list";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    return "'" + value.asText() + "'";
  }
}
