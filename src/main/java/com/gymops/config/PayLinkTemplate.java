package com.gymops.config;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks {@code messaging.pay_link}: an https URL on the club's own domain with {@code {member_id}}
 * and {@code {club_id}} as its only placeholders. Carriers filter texts with public link
 * shorteners, so those are refused.
 */
final class PayLinkTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
  private static final Set<String> PLACEHOLDERS = Set.of("member_id", "club_id");
  private static final Set<String> SHORTENERS =
      Set.of(
          "bit.ly",
          "tinyurl.com",
          "t.co",
          "goo.gl",
          "ow.ly",
          "is.gd",
          "buff.ly",
          "rebrand.ly",
          "cutt.ly",
          "shorturl.at",
          "rb.gy",
          "tiny.cc");

  private PayLinkTemplate() {}

  static String check(String text) {
    String url = text.strip();
    Matcher placeholders = PLACEHOLDER.matcher(url);
    while (placeholders.find()) {
      if (!PLACEHOLDERS.contains(placeholders.group(1))) {
        throw new IllegalArgumentException(
            "unknown placeholder {" + placeholders.group(1) + "}; use {member_id} or {club_id}");
      }
    }
    URI uri;
    try {
      uri = URI.create(placeholders.replaceAll("x"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a URL", e);
    }
    if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("'" + text + "' is not an https:// URL");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (SHORTENERS.contains(host.startsWith("www.") ? host.substring(4) : host)) {
      throw new IllegalArgumentException(
          host + " is a public link shortener, which carriers filter; use the club's own domain");
    }
    return url;
  }
}
