package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.domain.WorkflowId;
import java.util.Set;

/**
 * One tool the agent may call: what it is called, what it is for (written for a new colleague), the
 * JSON schema of its input as the Messages API takes it ({@code input_schema}), and its handler.
 * Stateless; all run state lives in the {@link ToolSession}.
 */
public interface Tool {
  String name();

  String description();

  /** A JSON Schema (draft 2020-12 subset): type object, properties, required, no extra fields. */
  ObjectNode inputSchema();

  /** The workflows whose runs may call it. */
  Set<WorkflowId> workflows();

  /** Whether it changes anything (sends, locks, notes, refers); read tools change nothing. */
  boolean mutating();

  /** Never throws for bad input or a refused action: those are error results that say why. */
  ToolResult handle(JsonNode input, ToolSession session);
}
