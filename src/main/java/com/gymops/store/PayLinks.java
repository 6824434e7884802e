package com.gymops.store;

import com.gymops.domain.MemberId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Members' own pay links (from the import or the club system). Thread-safe. */
public interface PayLinks {
  /** Sets each member's link; an empty link removes it. */
  void putAll(Map<MemberId, String> links, Instant now);

  Optional<String> of(MemberId member);
}
