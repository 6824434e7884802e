package com.gymops.application.care;

import com.gymops.application.port.store.MemberStore;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;

/** Looks a member up for a manual action, with the error a person can act on. */
final class Members {
  private Members() {}

  static Member find(MemberStore members, MemberId id) {
    return members.find(id).orElseThrow(() -> new NotFoundException("no member '" + id + "'"));
  }
}
