package com.gymops.policy;

import com.gymops.domain.Money;
import java.util.List;
import java.util.Objects;

/**
 * The collections-escalation summary: the cases, the total at risk and what to do about them. The
 * cases are the review of the day, noted in this run or not, so nothing here is counted from
 * actions.
 */
public record EscalationSummary(
    List<Case> cases, Money totalAtRisk, List<String> recommendedActions) implements RunSummary {
  public EscalationSummary {
    cases = List.copyOf(cases);
    Objects.requireNonNull(totalAtRisk, "totalAtRisk");
    recommendedActions = List.copyOf(recommendedActions);
  }

  /**
   * One escalation case as the report lists it.
   *
   * @param reasons the codes of {@link EscalationReason}
   * @param lastContact the club-local day of the last reminder, or "never"
   */
  public record Case(
      String memberId,
      String name,
      Money amount,
      int attempts30d,
      long daysPastDue,
      List<String> reasons,
      String lastContact) {
    public Case {
      reasons = List.copyOf(reasons);
    }
  }

  public int escalationCases() {
    return cases.size();
  }

  @Override
  public EscalationSummary recount(List<Action> carriedOut) {
    return this;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.escalation(this);
  }
}
