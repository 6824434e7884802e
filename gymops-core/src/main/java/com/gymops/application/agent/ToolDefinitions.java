package com.gymops.application.agent;

import com.gymops.application.port.LlmTool;
import com.gymops.application.tools.Tool;
import java.util.List;

/** Catalog tools as the model is offered them: name, description, schema. */
final class ToolDefinitions {
  private ToolDefinitions() {}

  static List<LlmTool> of(List<Tool> offered) {
    return offered.stream()
        .map(tool -> new LlmTool(tool.name(), tool.description(), tool.inputSchema().toString()))
        .toList();
  }
}
