package com.gymops.policy;

import com.gymops.domain.Money;
import com.gymops.domain.WorkflowId;
import java.time.LocalDate;
import java.util.List;

/**
 * What a run of one workflow amounts to, in the figures of docs/WORKFLOWS.md: one record per
 * workflow, built by its policy. Rendered in one place each, to text and to JSON (see
 * docs/WORKFLOWS.md, "Run summaries").
 *
 * <p>Figures about effects (texts queued, doors locked, members referred) are counted from actions,
 * so that the runner can count them again from the actions a run actually carried out ({@link
 * #recount}): a rerun whose actions were all done earlier in the period queued nothing, and says
 * so. A run queues texts; the dispatcher sends them later, so no run summary says "sent".
 */
public sealed interface RunSummary
    permits CampaignSummary,
        PastDueSummary,
        DoorAccessSummary,
        EscalationSummary,
        ReferralSummary,
        InvoiceSummary {

  /**
   * The summary of a run of {@code workflow} that is only {@code actions} (a manual action, an
   * approval's execution), counted from them.
   */
  static RunSummary counting(WorkflowId workflow, List<Action> actions, LocalDate day) {
    return switch (workflow) {
      case DAILY_CAMPAIGNS -> CampaignSummary.of(actions, 0);
      case PAST_DUE_MONITORING -> PastDueSummary.of(0, Money.ZERO, 0, actions);
      case DOOR_ACCESS -> DoorAccessSummary.of(actions, 0, 0);
      case COLLECTIONS_ESCALATION -> new EscalationSummary(List.of(), Money.ZERO, List.of());
      case COLLECTIONS_REFERRAL -> ReferralSummary.of(actions, List.of(), day);
      case BATCH_INVOICES -> InvoiceSummary.of(actions);
    };
  }

  /** The same summary with its effect figures counted from {@code carriedOut} alone. */
  RunSummary recount(List<Action> carriedOut);

  <R> R accept(Visitor<R> visitor);

  /** One method per workflow's summary, so a renderer handles each of them, in one place. */
  interface Visitor<R> {
    R campaigns(CampaignSummary summary);

    R pastDue(PastDueSummary summary);

    R doorAccess(DoorAccessSummary summary);

    R escalation(EscalationSummary summary);

    R referral(ReferralSummary summary);

    R invoices(InvoiceSummary summary);
  }
}
