package com.gymops.application.console;

/**
 * One effective setting, as the Settings page shows it.
 *
 * @param key the setting's label in words, e.g. "Firm reminder from"
 * @param value its value with its unit, e.g. "$50.00"
 * @param source where it is set (the configuration key or environment variable), "" when it says
 *     nothing a manager needs
 */
public record Setting(String key, String value, String source) {
  public Setting(String key, String value) {
    this(key, value, "");
  }
}
