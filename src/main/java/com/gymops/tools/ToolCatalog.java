package com.gymops.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.domain.WorkflowId;
import java.util.List;
import java.util.Optional;

/**
 * Every tool GymOps offers the agent (DESIGN §6): the seed's tools by their seed names, and the
 * plan-level review_plan, hold_actions and execute_plan that keep a run's cost independent of the
 * number of members. Tools are stateless, so one immutable list serves every run.
 */
public final class ToolCatalog {
  private static final List<Tool> TOOLS =
      List.of(
          new GetPastDueMembers(),
          new GetMemberProfile(),
          new GetCollectionAttempts(),
          new CheckMemberAccessStatus(),
          CampaignAudience.prospects(),
          CampaignAudience.greenMembers(),
          CampaignAudience.ppvMembers(),
          new GetCampaignTemplates(),
          new GenerateCollectionsReferralList(),
          new SendPaymentReminder(),
          new LockDoorForMember(),
          new UnlockDoorForMember(),
          new AddMemberNote(),
          new SendMessageToMember(),
          new SendBulkCampaign(),
          new AutoManageAccess(),
          new ReferToCollections(),
          new NotifyManager(),
          new ReviewPlan(),
          new HoldActions(),
          new ExecutePlan());

  private ToolCatalog() {}

  public static List<Tool> all() {
    return TOOLS;
  }

  /** The tools a run of the workflow may call: its own, the read tools, review/hold/execute. */
  public static List<Tool> forWorkflow(WorkflowId workflow) {
    return TOOLS.stream().filter(tool -> tool.workflows().contains(workflow)).toList();
  }

  public static Optional<Tool> find(String name) {
    return TOOLS.stream().filter(tool -> tool.name().equals(name)).findFirst();
  }

  /** Calls a tool by name; an unknown name is an error result, like any other bad call. */
  public static ToolResult call(String name, JsonNode input, ToolSession session) {
    return find(name)
        .map(tool -> tool.handle(input, session))
        .orElseGet(() -> session.refuse(name, null, "there is no tool named '" + name + "'"));
  }
}
