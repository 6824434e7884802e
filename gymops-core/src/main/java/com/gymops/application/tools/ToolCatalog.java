package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.domain.WorkflowId;
import java.util.List;
import java.util.Optional;

/**
 * Every tool GymOps offers the agent (docs/ARCHITECTURE.md, Agent mode): the specification's tools
 * by their seed names, and the plan-level review_plan, hold_actions and execute_plan that keep a
 * run's cost independent of the number of members. Tools are stateless, so one immutable list
 * serves every run.
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

  /**
   * What a run's task needs (docs/ARCHITECTURE.md, Agent mode), the default set offered to the
   * model: review_plan, hold_actions, execute_plan, and get_member_profile to drill into an
   * exception. Every tool definition is re-sent (or re-read from the cache) with each request, so
   * fewer is cheaper.
   */
  public static final List<String> PLAN_TOOLS =
      List.of("review_plan", "get_member_profile", "hold_actions", "execute_plan");

  /** Every tool a run of the workflow may call: its own, the read tools, review/hold/execute. */
  public static List<Tool> forWorkflow(WorkflowId workflow) {
    return TOOLS.stream().filter(tool -> tool.workflows().contains(workflow)).toList();
  }

  /**
   * The tools offered to the model in a run of the workflow: with {@code plan}, only {@link
   * #PLAN_TOOLS}; with {@code seed}, all of {@link #forWorkflow} (the specification's per-member
   * tools too).
   */
  public static List<Tool> offered(WorkflowId workflow, String toolSet) {
    return toolSet.equals("seed")
        ? forWorkflow(workflow)
        : forWorkflow(workflow).stream().filter(t -> PLAN_TOOLS.contains(t.name())).toList();
  }

  public static Optional<Tool> find(String name) {
    return TOOLS.stream().filter(tool -> tool.name().equals(name)).findFirst();
  }

  /** Calls a tool by name; an unknown name is an error result, like any other bad call. */
  public static ToolResult call(String name, JsonNode input, ToolSession session) {
    return find(name)
        .map(
            tool ->
                session.offers(name)
                    ? tool.handle(input, session)
                    : session.refuse(
                        name,
                        null,
                        "tool '" + name + "' is not offered in this run; use the tools you have"))
        .orElseGet(() -> session.refuse(name, null, "there is no tool named '" + name + "'"));
  }
}
