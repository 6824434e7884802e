package com.gymops.policy;

import java.util.Objects;

/** Every rule setting of one club, after its overrides were applied to the global defaults. */
public record ClubPolicy(
    MessagingRules messaging,
    ReminderRules reminders,
    AccessRules access,
    EscalationRules escalation,
    ReferralRules referral,
    CampaignRules campaigns) {
  public static final ClubPolicy DEFAULTS =
      new ClubPolicy(
          MessagingRules.DEFAULTS,
          ReminderRules.DEFAULTS,
          AccessRules.DEFAULTS,
          EscalationRules.DEFAULTS,
          ReferralRules.DEFAULTS,
          CampaignRules.DEFAULTS);

  public ClubPolicy {
    Objects.requireNonNull(messaging, "messaging");
    Objects.requireNonNull(reminders, "reminders");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(escalation, "escalation");
    Objects.requireNonNull(referral, "referral");
    Objects.requireNonNull(campaigns, "campaigns");
  }
}
