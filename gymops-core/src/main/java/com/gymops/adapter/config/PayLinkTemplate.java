package com.gymops.adapter.config;

import com.gymops.domain.PayLinkUrl;
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
    PayLinkUrl.check(placeholders.replaceAll("x"), text);
    return url;
  }
}
