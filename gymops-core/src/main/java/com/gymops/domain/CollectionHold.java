package com.gymops.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A payment plan or other agreement with a member: no reminders, invoices, escalations, referral or
 * lock before {@code until} (a club-local date; on that day collections resume). Door unlocks still
 * happen.
 *
 * @param releasedAt when staff released it early; {@code null} while it stands
 */
public record CollectionHold(
    MemberId memberId,
    ClubId clubId,
    LocalDate until,
    String reason,
    String createdBy,
    Instant createdAt,
    String releasedBy,
    Instant releasedAt) {
  public CollectionHold {
    Objects.requireNonNull(memberId, "memberId");
    Objects.requireNonNull(clubId, "clubId");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Whether the hold keeps collections away from the member on {@code today}. */
  public boolean holdsOn(LocalDate today) {
    return releasedAt == null && today.isBefore(until);
  }
}
