package com.gymops.application.agent;

import com.anthropic.core.ObjectMappers;
import com.anthropic.models.messages.Tool;
import java.util.List;

/** Catalog tools as the Messages API takes them: name, description, schema. */
final class ToolDefinitions {
  private ToolDefinitions() {}

  static List<Tool> of(List<com.gymops.application.tools.Tool> offered) {
    return offered.stream()
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
