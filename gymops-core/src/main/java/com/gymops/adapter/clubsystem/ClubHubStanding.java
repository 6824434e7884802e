package com.gymops.adapter.clubsystem;

import com.gymops.domain.MemberStatus;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A ClubHub {@code statusMessage} in GymOps' words (the table in docs/INTEGRATIONS.md).
 *
 * @param status GymOps' status
 * @param clubStatus the standing GymOps keeps beside it ({@code staff}, {@code pending_cancel},
 *     ...), or null for a message it does not know
 * @param pastDueDays how many days overdue the message says the debt is at least, or -1 when it
 *     does not say
 */
record ClubHubStanding(MemberStatus status, String clubStatus, int pastDueDays) {

  static ClubHubStanding of(String statusMessage, String membershipEnd, LocalDate today) {
    String message = statusMessage == null ? "" : statusMessage.toLowerCase(Locale.ROOT).strip();
    if (message.contains("staff")) {
      return new ClubHubStanding(MemberStatus.ACTIVE, "staff", -1);
    }
    LocalDate end = ClubHubRows.date(membershipEnd);
    if (end != null && end.isBefore(today)) {
      return new ClubHubStanding(MemberStatus.CANCELLED, "ended", -1);
    }
    if (message.contains("pay per visit")) {
      return new ClubHubStanding(MemberStatus.PPV, "ppv", -1);
    }
    if (message.startsWith("past due more than 30 days")) {
      return new ClubHubStanding(MemberStatus.ACTIVE, "past_due", 31);
    }
    if (message.startsWith("past due 6-30 days")) {
      return new ClubHubStanding(MemberStatus.ACTIVE, "past_due", 6);
    }
    if (message.contains("past due")) {
      return new ClubHubStanding(MemberStatus.ACTIVE, "past_due", -1);
    }
    if (message.contains("pending cancel")) {
      return new ClubHubStanding(MemberStatus.ACTIVE, "pending_cancel", -1);
    }
    if (message.contains("expiring soon")) {
      return new ClubHubStanding(MemberStatus.ACTIVE, "expiring_soon", -1);
    }
    if (message.contains("good standing")) {
      return new ClubHubStanding(MemberStatus.ACTIVE, "good_standing", -1);
    }
    return new ClubHubStanding(MemberStatus.ACTIVE, null, -1);
  }

  /** The latest day the debt can have started, or null when the message does not say. */
  LocalDate latestPastDueStart(LocalDate today) {
    return pastDueDays < 0 ? null : today.minusDays(pastDueDays);
  }
}
