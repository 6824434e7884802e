package com.gymops.adapter.clubsystem;

import com.gymops.domain.MemberStatus;
import java.util.Locale;

/**
 * ABC Evo's {@code personal.joinStatus}, {@code personal.memberStatus}, {@code agreement.isPastDue}
 * and the agreement's {@code membershipType} and {@code paymentPlan} in GymOps' words (the table in
 * docs/INTEGRATIONS.md). ABC sends every value as a string, in whatever case the club typed.
 *
 * @param status GymOps' status
 * @param clubStatus the standing GymOps keeps beside it ({@code staff}, {@code pending_cancel},
 *     ...), or null for a status it does not know
 */
record AbcStanding(MemberStatus status, String clubStatus) {

  static AbcStanding of(
      String joinStatus,
      String memberStatus,
      String isPastDue,
      String membershipType,
      String paymentPlan) {
    String join = lower(joinStatus);
    String member = lower(memberStatus);
    String plan = lower(membershipType) + " " + lower(paymentPlan);
    if (join.equals("prospect")) {
      return new AbcStanding(MemberStatus.PROSPECT, "prospect");
    }
    if (plan.contains("staff") || plan.contains("employee")) {
      return new AbcStanding(MemberStatus.ACTIVE, "staff");
    }
    if (member.contains("pending cancel") || member.contains("pendingcancel")) {
      return new AbcStanding(MemberStatus.ACTIVE, "pending_cancel");
    }
    if (member.contains("cancel") || member.equals("inactive") || member.contains("expired")) {
      return new AbcStanding(MemberStatus.CANCELLED, "ended");
    }
    if (member.contains("freeze") || member.contains("frozen")) {
      return new AbcStanding(MemberStatus.FROZEN, "frozen");
    }
    if (lower(isPastDue).equals("true")) {
      return new AbcStanding(MemberStatus.ACTIVE, "past_due");
    }
    if (plan.contains("pay per visit") || plan.contains("punch")) {
      return new AbcStanding(MemberStatus.PPV, "ppv");
    }
    if (member.equals("active")) {
      return new AbcStanding(MemberStatus.ACTIVE, "good_standing");
    }
    return new AbcStanding(MemberStatus.ACTIVE, null);
  }

  private static String lower(String text) {
    return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
  }
}
