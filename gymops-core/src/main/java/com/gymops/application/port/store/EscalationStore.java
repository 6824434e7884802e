package com.gymops.application.port.store;

import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** When each member was last escalated to the manager, and why. Thread-safe. */
public interface EscalationStore {
  boolean add(
      MemberId member, LocalDate on, Set<String> reasons, String runId, String idempotencyKey);

  /** The latest escalation of each member of the club. */
  Map<MemberId, LastEscalation> latestInClub(ClubId club);

  /** The latest escalation of each of {@code members} that has one. */
  Map<MemberId, LastEscalation> latestOf(Collection<MemberId> members);

  record LastEscalation(LocalDate on, Set<String> reasons) {}
}
