package com.gymops.adapter.door;

import com.gymops.application.port.store.ClubSystemLinks;
import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The club system's ids of members in memory, for the adapters' tests. */
final class MemoryClubLinks implements ClubSystemLinks {
  private final Map<MemberId, Link> links = new ConcurrentHashMap<>();

  @Override
  public void putAll(List<Link> added, Instant now) {
    added.forEach(link -> links.put(link.memberId(), link));
  }

  @Override
  public Optional<Link> find(MemberId member) {
    return Optional.ofNullable(links.get(member));
  }

  /** The door adapters never ask which members are staff: the policy does, from the real store. */
  @Override
  public Set<MemberId> staffIn(ClubId club) {
    throw new UnsupportedOperationException("not asked of the door adapters");
  }
}
