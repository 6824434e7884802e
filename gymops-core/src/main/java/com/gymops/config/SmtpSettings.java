package com.gymops.config;

import java.util.Locale;
import java.util.Objects;

/**
 * The SMTP server that sends email ({@code messaging.smtp}); the password comes only from {@code
 * GYMOPS_SMTP_PASSWORD}.
 *
 * @param username null to send without logging in
 * @param from the sender address, e.g. {@code "Main Club <gymops@example.com>"}
 */
public record SmtpSettings(
    String host,
    int port,
    Security security,
    String username,
    String password,
    String from,
    int timeoutSeconds) {
  /** How the connection is protected. */
  public enum Security {
    /** Plain text: only for a relay on the same machine or network. */
    NONE,
    /** Upgrade with STARTTLS, which must succeed (usually port 587). */
    STARTTLS,
    /** TLS from the first byte (usually port 465). */
    TLS;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(from, "from");
  }

  @Override
  public String toString() {
    return "SmtpSettings[host="
        + host
        + ", port="
        + port
        + ", security="
        + security.code()
        + ", username="
        + username
        + ", password="
        + (password == null ? "none" : "***")
        + ", from="
        + from
        + "]";
  }
}
