package com.gymops.application.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.domain.WorkflowId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolCatalogTest {
  @Test
  void every_tool_has_a_unique_name_a_description_and_a_valid_schema() {
    Set<String> names = new HashSet<>();
    for (Tool tool : ToolCatalog.all()) {
      assertThat(names.add(tool.name())).as("unique name %s", tool.name()).isTrue();
      assertThat(tool.name()).matches("[a-z_]{1,64}");
      assertThat(tool.description()).as(tool.name()).hasSizeGreaterThan(80);
      assertThat(tool.workflows()).as(tool.name()).isNotEmpty();
      ObjectNode schema = tool.inputSchema();
      assertThat(schema.get("type").asText()).isEqualTo("object");
      assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
      Set<String> properties = new HashSet<>();
      schema.get("properties").fieldNames().forEachRemaining(properties::add);
      for (JsonNode required : schema.get("required")) {
        assertThat(properties).as(tool.name()).contains(required.asText());
      }
      schema
          .get("properties")
          .forEach(
              property -> {
                assertThat(property.get("type").asText())
                    .isIn("string", "integer", "number", "array", "boolean");
                assertThat(property.get("description").asText()).isNotBlank();
              });
    }
    assertThat(names).hasSize(21);
  }

  @Test
  void every_workflow_gets_its_own_tools_the_read_tools_and_review_hold_execute() {
    for (WorkflowId workflow : WorkflowId.values()) {
      List<String> names = ToolCatalog.forWorkflow(workflow).stream().map(Tool::name).toList();
      assertThat(names)
          .contains(
              "get_past_due_members",
              "get_member_profile",
              "review_plan",
              "hold_actions",
              "execute_plan");
    }
    assertThat(names(WorkflowId.PAST_DUE_MONITORING))
        .contains("send_payment_reminder", "lock_door_for_member", "add_member_note")
        .doesNotContain("send_bulk_campaign", "unlock_door_for_member");
    assertThat(names(WorkflowId.DAILY_CAMPAIGNS))
        .contains("send_bulk_campaign", "get_campaign_prospects", "get_campaign_templates")
        .doesNotContain("send_payment_reminder", "lock_door_for_member");
    assertThat(names(WorkflowId.DOOR_ACCESS))
        .contains(
            "auto_manage_access_by_payment_status",
            "lock_door_for_member",
            "unlock_door_for_member",
            "send_message_to_member");
    assertThat(names(WorkflowId.COLLECTIONS_REFERRAL))
        .contains("generate_collections_referral_list", "refer_to_collections", "notify_manager");
  }

  @Test
  void tools_are_not_mutating_unless_they_change_something() {
    assertThat(ToolCatalog.all().stream().filter(t -> !t.mutating()).map(Tool::name))
        .allMatch(
            name ->
                name.startsWith("get_")
                    || name.startsWith("check_")
                    || name.startsWith("generate_")
                    || name.equals("review_plan"));
  }

  private static List<String> names(WorkflowId workflow) {
    return ToolCatalog.forWorkflow(workflow).stream().map(Tool::name).toList();
  }
}
