package com.gymops.config;

import java.util.List;

/**
 * The configuration cannot be used. Carries every problem found, each prefixed with the key path it
 * concerns, so a manager can fix the whole file in one go instead of one error per attempt.
 */
public final class ConfigException extends RuntimeException {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("\n", problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a config exception needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
