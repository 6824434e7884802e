package com.gymops.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A member handed to the collections agency. While open, GymOps sends the member no reminders,
 * invoices or escalations: the agency owns the debt.
 */
public record Referral(
    MemberId memberId,
    ClubId clubId,
    LocalDate referredOn,
    Money amount,
    int attempts,
    LocalDate closedOn,
    String runId) {

  public Referral {
    Objects.requireNonNull(memberId, "memberId");
    Objects.requireNonNull(clubId, "clubId");
    Objects.requireNonNull(referredOn, "referredOn");
    Objects.requireNonNull(amount, "amount");
  }

  public boolean isOpen() {
    return closedOn == null;
  }
}
