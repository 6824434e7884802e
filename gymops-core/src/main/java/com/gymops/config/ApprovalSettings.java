package com.gymops.config;

import com.gymops.policy.ApprovalGates;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code approvals} section: which planned actions wait for a person, and for how long.
 *
 * @param breaker whether the locks the breaker withholds ({@code access.max_locks_per_run}) wait
 *     for approval (true); false: they are only withheld, as before, and the manager is told
 * @param timeout how long an approval stays pending before it expires, which executes nothing (4h)
 * @param campaignRecipients a daily campaign with more texts than this waits for approval (100)
 * @param largeCampaign whether large campaigns wait for approval (true)
 * @param referralList whether each collections-referral list waits for approval (true)
 * @param everyLock whether each lock waits for approval (false)
 */
public record ApprovalSettings(
    boolean breaker,
    Duration timeout,
    int campaignRecipients,
    boolean largeCampaign,
    boolean referralList,
    boolean everyLock) {
  public static final ApprovalSettings DEFAULTS =
      new ApprovalSettings(true, Duration.ofHours(4), 100, true, true, false);

  /** The breaker and timeout given, the other kinds as by default. */
  public ApprovalSettings(boolean breaker, Duration timeout) {
    this(breaker, timeout, 100, true, true, false);
  }

  /** What the plans of every club withhold for these settings. */
  public ApprovalGates gates() {
    return new ApprovalGates(largeCampaign ? campaignRecipients : 0, referralList, everyLock);
  }

  public ApprovalSettings {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the approval timeout must be positive");
    }
    if (campaignRecipients < 1) {
      throw new IllegalArgumentException("campaign_recipients must be at least 1");
    }
  }
}
