package com.gymops.adapter.door;

import com.gymops.application.port.store.DoorLinks;
import com.gymops.domain.MemberId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Door links in memory, for the adapters' tests (the stores' contract tests the real ones). */
final class MemoryDoorLinks implements DoorLinks {
  private final Map<String, String> ids = new ConcurrentHashMap<>();

  @Override
  public Optional<String> find(MemberId member, String doorSystem) {
    return Optional.ofNullable(ids.get(member.value() + "|" + doorSystem));
  }

  @Override
  public void put(MemberId member, String doorSystem, String doorUserId, Instant foundAt) {
    ids.put(member.value() + "|" + doorSystem, doorUserId);
  }

  @Override
  public void forget(MemberId member, String doorSystem) {
    ids.remove(member.value() + "|" + doorSystem);
  }
}
