package com.gymops.application.run;

import com.gymops.application.port.store.PayLinks;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  /** The links of {@code members} that have one, reading only their own links. */
  Map<MemberId, String> of(List<Member> members) {
    Map<MemberId, String> own = links.ofMembers(members.stream().map(Member::id).toList());
    Map<MemberId, String> result = new HashMap<>();
    for (Member member : members) {
      String link = own.get(member.id());
      if (link == null && template != null) {
        link = filled(member);
      }
      if (link != null) {
        result.put(member.id(), link);
      }
    }
    return result;
  }

  private String filled(Member member) {
    return (template
        .replace("{member_id}", encode(member.id().value()))
        .replace("{club_id}", encode(member.clubId().value())));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
