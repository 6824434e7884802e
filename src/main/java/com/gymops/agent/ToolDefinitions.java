package com.gymops.agent;

import com.anthropic.core.ObjectMappers;
import com.anthropic.models.messages.Tool;
import com.gymops.domain.WorkflowId;
import com.gymops.tools.ToolCatalog;
import java.util.List;

/** The catalog's tools of a workflow as the Messages API takes them: name, description, schema. */
final class ToolDefinitions {
  private ToolDefinitions() {}

  static List<Tool> forWorkflow(WorkflowId workflow) {
    return ToolCatalog.forWorkflow(workflow).stream()
        .map(
            tool ->
                Tool.builder()
                    .name(tool.name())
                    .description(tool.description())
                    .inputSchema(
                        ObjectMappers.jsonMapper()
                            .convertValue(tool.inputSchema(), Tool.InputSchema.class))
                    .build())
        .toList();
  }
}
