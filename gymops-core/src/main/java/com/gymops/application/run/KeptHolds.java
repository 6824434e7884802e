package com.gymops.application.run;

import com.gymops.application.port.store.ApprovalStore;
import com.gymops.domain.Approval;
import com.gymops.domain.ApprovalAction;
import com.gymops.domain.MemberId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An agent's hold stands for the rest of the club-local day: while its approval is pending, and
 * after the manager kept it (denied) or let it expire, the member's actions in the same workflow
 * are held again in every later run of the day without asking the model the same question each
 * hour. An approved hold releases the member: its actions executed, and what the rules plan next
 * runs as usual. Asking hourly about a member the model had already held was most of an agent's
 * month (docs/BENCHMARKS.md).
 */
final class KeptHolds {
  /** How a kept hold's reason begins; such entries are not filed as a new approval. */
  static final String REASON = "held earlier today by the agent: approval ";

  private KeptHolds() {}

  /** Holds the planned actions of every member an agent hold of today covers; returns how many. */
  static int apply(ApprovalStore approvals, RunContext context, PlanLedger ledger) {
    Instant dayStart = context.localDate().atStartOfDay(context.club().zone()).toInstant();
    Map<MemberId, Approval> kept = new LinkedHashMap<>();
    for (Approval approval : approvals.filedSince(context.club().id(), dayStart)) {
      if (approval.kind() != Approval.Kind.AGENT_HOLD
          || approval.workflow() != context.workflow()
          || approval.status() == Approval.Status.APPROVED) {
        continue;
      }
      for (ApprovalAction action : approval.actions()) {
        if (action.memberId() != null) {
          kept.putIfAbsent(action.memberId(), approval);
        }
      }
    }
    int held = 0;
    for (Map.Entry<MemberId, Approval> entry : kept.entrySet()) {
      Approval approval = entry.getValue();
      held +=
          ledger.hold(
              entry.getKey(), REASON + approval.id() + " (" + approval.status().code() + ")");
    }
    return held;
  }

  static boolean isKept(PlanLedger.Entry entry) {
    return entry.heldReason() != null && entry.heldReason().startsWith(REASON);
  }
}
