package com.gymops.application.run;

import com.gymops.policy.Plan;

/**
 * Where a run files what its plan withheld for a person to approve. The runner only files; the
 * approvals engine decides and executes through the same ledger and executor.
 */
public interface ApprovalDesk {
  /** Approvals are off: withheld actions stay withheld, as the breaker always did. */
  ApprovalDesk NONE = (planned, withheld, requestedBy) -> {};

  void file(PlannedRun planned, Plan.Withheld withheld, String requestedBy);
}
