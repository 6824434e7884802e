package com.gymops.policy;

import com.gymops.domain.Approval;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import com.gymops.domain.Plural;
import com.gymops.domain.WorkflowId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which planned actions wait for a person beyond the breaker ({@code approvals.*}): a campaign to
 * more recipients than {@code campaignRecipients}, each collections-referral list, and with {@code
 * everyLock} each lock. A gate moves the actions out of the plan into a {@link Plan.Withheld}, as
 * the breaker does, so the run executes none of them and the approvals engine files them; the
 * approval's execution plans again with the gates lifted ({@link #NONE}).
 *
 * @param campaignRecipients a daily-campaigns plan with more texts than this waits for approval; 0
 *     when large campaigns need no approval
 * @param referralList whether each referral list waits for approval before members are marked
 *     referred and the agency file is written
 * @param everyLock whether each lock waits for approval, one approval per member
 */
public record ApprovalGates(int campaignRecipients, boolean referralList, boolean everyLock) {
  /** Nothing waits: what plain policies (and an approval's own execution) use. */
  public static final ApprovalGates NONE = new ApprovalGates(0, false, false);

  /** The defaults of {@code approvals.*}: large campaigns (over 100) and referral lists wait. */
  public static final ApprovalGates DEFAULTS = new ApprovalGates(100, true, false);

  public static final String CAMPAIGN_WITHHELD = "campaign awaiting approval";
  public static final String REFERRAL_WITHHELD = "referral awaiting approval";
  public static final String LOCK_WITHHELD = "lock awaiting approval";

  public ApprovalGates {
    if (campaignRecipients < 0) {
      throw new IllegalArgumentException("campaign_recipients must not be negative");
    }
  }

  /** The plan with what the gates hold moved to its withheld actions. */
  public Plan apply(WorkflowId workflow, Plan plan) {
    return switch (workflow) {
      case DAILY_CAMPAIGNS -> campaign(plan);
      case COLLECTIONS_REFERRAL -> referralList(plan);
      case DOOR_ACCESS -> everyLock(plan);
      default -> plan;
    };
  }

  private Plan campaign(Plan plan) {
    int texts = plan.actions().size();
    if (campaignRecipients == 0 || texts <= campaignRecipients) {
      return plan;
    }
    return withheld(
        plan,
        List.of(),
        CampaignSummary.of(List.of(), texts),
        Map.of(CAMPAIGN_WITHHELD, texts),
        List.of(
            new Plan.Withheld(
                Approval.Kind.LARGE_CAMPAIGN,
                "send "
                    + Plural.of(texts, "campaign text", "campaign texts")
                    + ", above approvals.campaign_recipients "
                    + campaignRecipients,
                plan.actions())));
  }

  /**
   * The whole list waits: the referrals, their notes and the manager's summary of them, so nobody
   * is marked referred, no agency file is written and the manager is not told of referrals that did
   * not happen.
   */
  private Plan referralList(Plan plan) {
    if (!referralList || plan.actions().isEmpty()) {
      return plan;
    }
    if (!(plan.summary() instanceof ReferralSummary referrals)) {
      return plan;
    }
    int count = referrals.membersReferred();
    Money total = referrals.totalReferred();
    return withheld(
        plan,
        List.of(),
        referrals.waitingForApproval(),
        Map.of(REFERRAL_WITHHELD, count),
        List.of(
            new Plan.Withheld(
                Approval.Kind.REFERRAL_LIST,
                "refer "
                    + Plural.of(count, "member", "members")
                    + " to collections ("
                    + total.dollars()
                    + " in total)",
                plan.actions())));
  }

  /** One approval per member to lock, holding the lock with its text and note. */
  private Plan everyLock(Plan plan) {
    if (!everyLock) {
      return plan;
    }
    Set<MemberId> locked = new LinkedHashSet<>();
    for (Action action : plan.actions()) {
      if (action.effect() instanceof Effect.LockDoor) {
        locked.add(action.member());
      }
    }
    if (locked.isEmpty()) {
      return plan;
    }
    List<Action> kept = new ArrayList<>();
    Map<MemberId, List<Action>> byMember = new LinkedHashMap<>();
    for (Action action : plan.actions()) {
      if (action.member() != null
          && locked.contains(action.member())
          && action.rule().equals(DoorAccessPolicy.RULE_LOCK)) {
        byMember.computeIfAbsent(action.member(), m -> new ArrayList<>()).add(action);
      } else {
        kept.add(action);
      }
    }
    List<Plan.Withheld> approvals = new ArrayList<>();
    byMember.forEach(
        (member, actions) ->
            approvals.add(
                new Plan.Withheld(
                    Approval.Kind.LOCK,
                    "lock member " + member.value() + " (approvals.every_lock)",
                    actions)));
    RunSummary summary =
        plan.summary() instanceof DoorAccessSummary door
            ? door.awaitingApproval(kept, byMember.size())
            : plan.summary().recount(kept);
    return withheld(plan, kept, summary, Map.of(LOCK_WITHHELD, byMember.size()), approvals);
  }

  private static Plan withheld(
      Plan plan,
      List<Action> kept,
      RunSummary summary,
      Map<String, Integer> moreSkipped,
      List<Plan.Withheld> more) {
    Map<String, Integer> skipped = new LinkedHashMap<>(plan.skipped());
    moreSkipped.forEach((reason, n) -> skipped.merge(reason, n, Integer::sum));
    List<Plan.Withheld> withheld = new ArrayList<>(plan.withheld());
    withheld.addAll(more);
    return new Plan(kept, summary, skipped, withheld);
  }
}
