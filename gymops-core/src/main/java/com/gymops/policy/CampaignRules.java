package com.gymops.policy;

/**
 * Daily-campaign rules.
 *
 * @param greenDays an ACTIVE member who joined within this many days is "green" (30)
 * @param ppvIntervalDays days between two PPV conversion offers to one member (30)
 */
public record CampaignRules(int greenDays, int ppvIntervalDays) {
  public static final CampaignRules DEFAULTS = new CampaignRules(30, 30);

  public CampaignRules {
    if (greenDays < 0 || ppvIntervalDays < 0) {
      throw new IllegalArgumentException("campaign day counts must not be negative");
    }
  }
}
