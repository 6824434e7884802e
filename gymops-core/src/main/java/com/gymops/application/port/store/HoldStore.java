package com.gymops.application.port.store;

import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionHold;
import com.gymops.domain.MemberId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Collection holds, one current hold per member. Thread-safe. */
public interface HoldStore {
  /** Sets the member's hold, replacing any earlier one. */
  void put(CollectionHold hold);

  /** Marks the member's standing hold released; false when there was none standing. */
  boolean release(MemberId member, String by, Instant at);

  Optional<CollectionHold> of(MemberId member);

  /** The club's holds not released (some may have run out: the policies compare the date). */
  Map<MemberId, CollectionHold> standingInClub(ClubId club);

  /** The holds of {@code members} not released, as {@link #standingInClub} has them. */
  Map<MemberId, CollectionHold> standingOf(Collection<MemberId> members);
}
