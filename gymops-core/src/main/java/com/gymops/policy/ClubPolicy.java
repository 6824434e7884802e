package com.gymops.policy;

import java.util.Objects;

/**
 * Every rule setting of one club, after its overrides were applied to the global defaults.
 *
 * @param approvals what waits for a person beyond the breaker ({@code approvals.*})
 */
public record ClubPolicy(
    MessagingRules messaging,
    ReminderRules reminders,
    AccessRules access,
    EscalationRules escalation,
    ReferralRules referral,
    CampaignRules campaigns,
    ApprovalGates approvals) {
  public static final ClubPolicy DEFAULTS =
      new ClubPolicy(
          MessagingRules.DEFAULTS,
          ReminderRules.DEFAULTS,
          AccessRules.DEFAULTS,
          EscalationRules.DEFAULTS,
          ReferralRules.DEFAULTS,
          CampaignRules.DEFAULTS,
          ApprovalGates.DEFAULTS);

  public ClubPolicy {
    Objects.requireNonNull(messaging, "messaging");
    Objects.requireNonNull(reminders, "reminders");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(escalation, "escalation");
    Objects.requireNonNull(referral, "referral");
    Objects.requireNonNull(campaigns, "campaigns");
    Objects.requireNonNull(approvals, "approvals");
  }

  /** Rules whose plans nothing withholds but the breaker. */
  public ClubPolicy(
      MessagingRules messaging,
      ReminderRules reminders,
      AccessRules access,
      EscalationRules escalation,
      ReferralRules referral,
      CampaignRules campaigns) {
    this(messaging, reminders, access, escalation, referral, campaigns, ApprovalGates.NONE);
  }

  public ClubPolicy withApprovals(ApprovalGates gates) {
    return new ClubPolicy(messaging, reminders, access, escalation, referral, campaigns, gates);
  }
}
