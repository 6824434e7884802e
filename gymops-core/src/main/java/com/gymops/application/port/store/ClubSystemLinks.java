package com.gymops.application.port.store;

import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a club system with ids of its own says of a member beside GymOps' copy: its id of the member
 * (the door's bans and its other calls need it), its standing and the last check-in. Kept on the
 * member's row; a member GymOps was never told of has none. Thread-safe.
 */
public interface ClubSystemLinks {
  /**
   * @param externalId the member's id in the club system
   * @param clubStatus the club system's standing in GymOps' words ({@code staff}, ...), or null
   * @param lastCheckIn the last check-in the club system knows of, or null
   */
  record Link(MemberId memberId, String externalId, String clubStatus, LocalDate lastCheckIn) {}

  /** Replaces the links of these members, all in one transaction; unknown members are skipped. */
  void putAll(List<Link> links, Instant now);

  Optional<Link> find(MemberId member);

  /** The members of the club whose standing in the club system is {@code staff}. */
  Set<MemberId> staffIn(ClubId club);
}
