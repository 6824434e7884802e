package com.gymops.config;

import java.util.Map;
import java.util.Objects;

/**
 * How messages leave GymOps.
 *
 * @param smsProvider {@code log} (writes to a file in the data directory) until real providers
 *     exist
 * @param emailProvider {@code log}, as for SMS
 * @param defaultRegion ISO 3166 region for phone numbers written without a country code (US)
 * @param optOutText appended to every marketing text
 * @param templates template bodies by key that replace the built-in defaults
 */
public record MessagingSettings(
    String smsProvider,
    String emailProvider,
    String defaultRegion,
    String optOutText,
    Map<String, String> templates) {
  public static final MessagingSettings DEFAULTS =
      new MessagingSettings("log", "log", "US", "Reply STOP to opt out.", Map.of());

  public MessagingSettings {
    Objects.requireNonNull(smsProvider, "smsProvider");
    Objects.requireNonNull(emailProvider, "emailProvider");
    Objects.requireNonNull(defaultRegion, "defaultRegion");
    Objects.requireNonNull(optOutText, "optOutText");
    templates = Map.copyOf(templates);
  }
}
