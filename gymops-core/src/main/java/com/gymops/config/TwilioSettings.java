package com.gymops.config;

import java.util.Objects;

/**
 * Twilio credentials and sender, all from the environment ({@code TWILIO_ACCOUNT_SID}, {@code
 * TWILIO_AUTH_TOKEN}, {@code TWILIO_FROM} or {@code TWILIO_MESSAGING_SERVICE_SID}, {@code
 * TWILIO_BASE_URL}).
 *
 * @param from the sending number in E.164, or null when a messaging service sends
 * @param messagingServiceSid the messaging service, or null when {@code from} sends
 * @param baseUrl Twilio's API root; tests point it at a fake
 */
public record TwilioSettings(
    String accountSid, String authToken, String from, String messagingServiceSid, String baseUrl) {
  public static final String DEFAULT_BASE_URL = "https://api.twilio.com";

  public TwilioSettings {
    Objects.requireNonNull(accountSid, "accountSid");
    Objects.requireNonNull(authToken, "authToken");
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (from == null && messagingServiceSid == null) {
      throw new IllegalArgumentException("a sender is needed: from or messagingServiceSid");
    }
  }

  /** The number or service that sends, for rate limits and messages. */
  public String sender() {
    return messagingServiceSid != null ? messagingServiceSid : from;
  }

  @Override
  public String toString() {
    return "TwilioSettings[accountSid="
        + accountSid
        + ", authToken=***, from="
        + from
        + ", messagingServiceSid="
        + messagingServiceSid
        + ", baseUrl="
        + baseUrl
        + "]";
  }
}
