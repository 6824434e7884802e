package com.gymops.domain;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * A pay link a text may carry: an https URL, not on a public link shortener (carriers filter those;
 * docs/MANAGER.md). Used for {@code messaging.pay_link} and for members' own links.
 */
public final class PayLinkUrl {
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

  /** Longer links do not fit a text beside its message. */
  public static final int MAX_LENGTH = 500;

  private PayLinkUrl() {}

  /**
   * @param shown the text to name in a problem (the link as written, before any placeholder was
   *     replaced)
   * @throws IllegalArgumentException naming what is wrong
   */
  public static void check(String url, String shown) {
    if (url.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "the link is " + url.length() + " characters long; at most " + MAX_LENGTH);
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + shown + "' is not a URL", e);
    }
    if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("'" + shown + "' is not an https:// URL");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (SHORTENERS.contains(host.startsWith("www.") ? host.substring(4) : host)) {
      throw new IllegalArgumentException(
          host + " is a public link shortener, which carriers filter; use the club's own domain");
    }
  }
}
