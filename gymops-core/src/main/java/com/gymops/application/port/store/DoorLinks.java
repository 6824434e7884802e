package com.gymops.application.port.store;

import com.gymops.domain.MemberId;
import java.time.Instant;
import java.util.Optional;

/**
 * Each member's user id in a door system that keys its calls by ids of its own (Kisi, Brivo,
 * Openpath), found once and kept beside the member so later locks and unlocks need no lookup.
 * Thread-safe.
 */
public interface DoorLinks {
  /** The member's user id in {@code doorSystem} ({@code kisi}, {@code brivo}, ...), if found. */
  Optional<String> find(MemberId member, String doorSystem);

  /** Keeps (or replaces) the member's user id in {@code doorSystem}. */
  void put(MemberId member, String doorSystem, String doorUserId, Instant foundAt);

  /** Drops a kept id the door system no longer knows, so the next change looks it up again. */
  void forget(MemberId member, String doorSystem);
}
