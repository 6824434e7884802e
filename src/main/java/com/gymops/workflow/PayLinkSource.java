package com.gymops.workflow;

import com.gymops.domain.Member;
import com.gymops.store.PayLinks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A member's pay link for the texts that ask for money: their own (from the import or the club
 * system), else {@code messaging.pay_link} filled in for them, else none.
 */
final class PayLinkSource {
  private final PayLinks links;
  private final String template;

  /**
   * @param template {@code messaging.pay_link} with {@code {member_id}} and {@code {club_id}}, or
   *     null
   */
  PayLinkSource(PayLinks links, String template) {
    this.links = links;
    this.template = template;
  }

  Optional<String> of(Member member) {
    Optional<String> own = links.of(member.id());
    if (own.isPresent() || template == null) {
      return own;
    }
    return Optional.of(
        template
            .replace("{member_id}", encode(member.id().value()))
            .replace("{club_id}", encode(member.clubId().value())));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
