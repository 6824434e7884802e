package com.gymops.policy;

import com.gymops.domain.Channel;
import com.gymops.domain.Member;
import java.util.Optional;

/**
 * Which channel reaches a member for a message they did not ask for: SMS unless they replied STOP
 * or have no phone that takes texts (none on file, or one the provider called invalid or not
 * mobile), then email if there is one (docs/WORKFLOWS.md, messaging rules).
 */
public record ContactRoute(Channel channel, String recipient) {
  public static Optional<ContactRoute> forMember(Member member) {
    if (!member.smsOptedOut() && member.textablePhone().isPresent()) {
      return Optional.of(new ContactRoute(Channel.SMS, member.phone()));
    }
    if (member.email() != null) {
      return Optional.of(new ContactRoute(Channel.EMAIL, member.email()));
    }
    return Optional.empty();
  }

  /** Marketing goes by SMS only, and only with consent; the policy checked consent already. */
  public static Optional<ContactRoute> forMarketing(Member member) {
    if (member.smsOptedOut() || !member.smsConsent() || member.textablePhone().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ContactRoute(Channel.SMS, member.phone()));
  }
}
