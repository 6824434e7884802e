package com.gymops.application.run;

import com.gymops.domain.WorkflowId;
import com.gymops.policy.BatchInvoicesPolicy;
import com.gymops.policy.CollectionsEscalationPolicy;
import com.gymops.policy.CollectionsReferralPolicy;
import com.gymops.policy.DailyCampaignsPolicy;
import com.gymops.policy.DoorAccessPolicy;
import com.gymops.policy.PastDueMonitoringPolicy;
import com.gymops.policy.WorkflowPolicy;

/** The policy of each workflow. */
final class Workflows {
  private Workflows() {}

  static WorkflowPolicy policy(WorkflowId workflow) {
    return switch (workflow) {
      case DAILY_CAMPAIGNS -> new DailyCampaignsPolicy();
      case PAST_DUE_MONITORING -> new PastDueMonitoringPolicy();
      case COLLECTIONS_ESCALATION -> new CollectionsEscalationPolicy();
      case COLLECTIONS_REFERRAL -> new CollectionsReferralPolicy();
      case BATCH_INVOICES -> new BatchInvoicesPolicy();
      case DOOR_ACCESS -> new DoorAccessPolicy();
    };
  }
}
