package com.gymops.policy;

import com.gymops.domain.Plural;

/**
 * Why a collection case needs the manager. The codes are stored with each escalation, so that a
 * member is noted again within the renote period only when the reasons changed.
 */
public enum EscalationReason {
  AMOUNT("amount", "Call the members over the amount limit in person"),
  ATTEMPTS_30D("attempts_30d", "Offer a payment plan to members who ignore reminders"),
  DAYS_PAST_DUE("days_past_due", "Review long-overdue accounts for a collections referral"),
  FAILED_REMINDERS("failed_reminders", "Update the phone or email of members we cannot reach");

  private final String code;
  private final String recommendedAction;

  EscalationReason(String code, String recommendedAction) {
    this.code = code;
    this.recommendedAction = recommendedAction;
  }

  public String code() {
    return code;
  }

  public String recommendedAction() {
    return recommendedAction;
  }

  /**
   * The reason in words for a note, e.g. {@code balance over $200.00}; the note states the amount
   * itself.
   */
  public String describe(CollectionFacts facts, EscalationRules rules) {
    return switch (this) {
      case AMOUNT -> "balance over " + rules.amountOver().dollars();
      case ATTEMPTS_30D -> Plural.of(facts.attempts30d(), "reminder", "reminders") + " in 30 days";
      case DAYS_PAST_DUE -> Plural.of(facts.daysPastDue(), "day", "days") + " past due";
      case FAILED_REMINDERS ->
          Plural.of(facts.failedReminders30d(), "failed reminder", "failed reminders")
              + " in 30 days";
    };
  }
}
