package com.gymops.care;

import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.store.Stores;

/** Looks a member up for a manual action, with the error a person can act on. */
final class Members {
  private Members() {}

  static Member find(Stores stores, MemberId id) {
    return stores
        .members()
        .find(id)
        .orElseThrow(() -> new NotFoundException("no member '" + id + "'"));
  }
}
