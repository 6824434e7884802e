package com.gymops.policy;

import com.gymops.domain.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The collections-referral summary: the members referred and their total, the list for the agency
 * and the day of the referral; a list waiting for approval ({@code approvals.referral_list}) refers
 * nobody yet and counts its members as awaiting approval.
 */
public record ReferralSummary(
    int membersReferred,
    Money totalReferred,
    List<Referral> referrals,
    LocalDate dateReferred,
    int awaitingApproval)
    implements RunSummary {
  public ReferralSummary {
    Objects.requireNonNull(totalReferred, "totalReferred");
    referrals = List.copyOf(referrals);
    Objects.requireNonNull(dateReferred, "dateReferred");
  }

  /**
   * One member on the agency's list.
   *
   * @param phone empty when the member has none; {@code email} likewise
   * @param pastDueSince the first day of the delinquency
   * @param lastContact the club-local day of the last reminder, or "never"
   */
  public record Referral(
      String memberId,
      String name,
      Money amount,
      int attempts,
      String phone,
      String email,
      LocalDate pastDueSince,
      String lastContact) {}

  /** The referrals among {@code actions}, with the list as planned. */
  public static ReferralSummary of(
      List<Action> actions, List<Referral> referrals, LocalDate dateReferred) {
    int members = 0;
    Money total = Money.ZERO;
    for (Action action : actions) {
      if (action.effect() instanceof Effect.ReferToCollections referral) {
        members++;
        total = total.plus(referral.amount());
      }
    }
    return new ReferralSummary(members, total, referrals, dateReferred, 0);
  }

  @Override
  public ReferralSummary recount(List<Action> carriedOut) {
    ReferralSummary counted = of(carriedOut, referrals, dateReferred);
    return new ReferralSummary(
        counted.membersReferred, counted.totalReferred, referrals, dateReferred, awaitingApproval);
  }

  /** Nobody referred yet: the whole list waits for a person. */
  ReferralSummary waitingForApproval() {
    return new ReferralSummary(0, Money.ZERO, List.of(), dateReferred, referrals.size());
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.referral(this);
  }
}
