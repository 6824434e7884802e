package com.gymops.config;

import java.util.Map;
import java.util.Objects;

/**
 * How messages leave GymOps.
 *
 * @param smsProvider {@code log} (writes to a file in the data directory) or {@code twilio}
 * @param emailProvider {@code log} or {@code smtp}
 * @param defaultRegion ISO 3166 region for phone numbers written without a country code (US)
 * @param optOutText appended to every marketing text
 * @param templates template bodies by key that replace the built-in defaults
 * @param smsRatePerSecond most texts per second from one sender (1 for a long code)
 * @param publicBaseUrl where providers reach this GymOps (Twilio status callbacks), or null
 * @param twilio credentials from the environment when {@code smsProvider} is twilio, else null
 * @param smtp the server when {@code emailProvider} is smtp, else null
 * @param payLink the URL template of members' pay links, with {@code {member_id}} and {@code
 *     {club_id}}, on the club's own domain; null when none (a member's own link still counts)
 */
public record MessagingSettings(
    String smsProvider,
    String emailProvider,
    String defaultRegion,
    String optOutText,
    Map<String, String> templates,
    int smsRatePerSecond,
    String publicBaseUrl,
    TwilioSettings twilio,
    SmtpSettings smtp,
    String payLink) {
  public static final MessagingSettings DEFAULTS =
      new MessagingSettings("log", "log", "US", "Reply STOP to opt out.", Map.of());

  public MessagingSettings(
      String smsProvider,
      String emailProvider,
      String defaultRegion,
      String optOutText,
      Map<String, String> templates) {
    this(smsProvider, emailProvider, defaultRegion, optOutText, templates, 1, null, null, null);
  }

  /** Settings without a pay-link template. */
  public MessagingSettings(
      String smsProvider,
      String emailProvider,
      String defaultRegion,
      String optOutText,
      Map<String, String> templates,
      int smsRatePerSecond,
      String publicBaseUrl,
      TwilioSettings twilio,
      SmtpSettings smtp) {
    this(
        smsProvider,
        emailProvider,
        defaultRegion,
        optOutText,
        templates,
        smsRatePerSecond,
        publicBaseUrl,
        twilio,
        smtp,
        null);
  }

  public MessagingSettings {
    Objects.requireNonNull(smsProvider, "smsProvider");
    Objects.requireNonNull(emailProvider, "emailProvider");
    Objects.requireNonNull(defaultRegion, "defaultRegion");
    Objects.requireNonNull(optOutText, "optOutText");
    templates = Map.copyOf(templates);
    if (smsRatePerSecond < 1) {
      throw new IllegalArgumentException("smsRatePerSecond must be at least 1");
    }
    if (smsProvider.equals("twilio") && twilio == null) {
      throw new IllegalArgumentException("the twilio provider needs its credentials");
    }
    if (emailProvider.equals("smtp") && smtp == null) {
      throw new IllegalArgumentException("the smtp provider needs its server");
    }
  }

  /**
   * The same settings with every message going to the log provider: the demo's fictional club must
   * never reach a real phone or mailbox, whatever the environment holds.
   */
  public MessagingSettings loggedOnly() {
    return new MessagingSettings(
        "log",
        "log",
        defaultRegion,
        optOutText,
        templates,
        smsRatePerSecond,
        null,
        null,
        null,
        payLink);
  }
}
