package com.gymops.application.tools;

import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.policy.MemberSnapshot;
import java.util.Optional;

/**
 * Finds a member of the run's club for the read tools: from the run's snapshot when it holds them,
 * else from the member store. A member of another club is treated as unknown.
 */
final class MemberLookup {
  private MemberLookup() {}

  static Optional<Member> find(ToolSession session, MemberId id) {
    Optional<Member> seen = session.member(id).map(MemberSnapshot::member);
    if (seen.isPresent()) {
      return seen;
    }
    return session
        .records()
        .members()
        .find(id)
        .filter(member -> member.clubId().equals(session.context().club().id()));
  }

  static ToolResult unknown(ToolSession session, MemberId id) {
    return ToolResult.error("no member '" + id + "' in club " + session.context().club().id());
  }
}
