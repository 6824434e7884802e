package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every tool of the catalog does before its own work: refuse a call from another workflow's
 * run, check the input against the schema, and turn any unexpected failure into an error result, so
 * a handler only ever sees well-formed input and never throws at the agent loop.
 */
abstract class CatalogTool implements Tool {
  static final Set<WorkflowId> ALL_WORKFLOWS = EnumSet.allOf(WorkflowId.class);

  private final String name;
  private final String description;
  private final ObjectNode schema;
  private final Set<WorkflowId> workflows;
  private final boolean mutating;

  CatalogTool(
      String name,
      String description,
      InputSchema schema,
      Set<WorkflowId> workflows,
      boolean mutating) {
    this.name = name;
    this.description = description;
    this.schema = schema.build();
    this.workflows = Set.copyOf(workflows);
    this.mutating = mutating;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final ObjectNode inputSchema() {
    return schema.deepCopy();
  }

  @Override
  public final Set<WorkflowId> workflows() {
    return workflows;
  }

  @Override
  public final boolean mutating() {
    return mutating;
  }

  @Override
  public final ToolResult handle(JsonNode input, ToolSession session) {
    if (!workflows.contains(session.workflow())) {
      return session.refuse(
          name,
          null,
          "tool '"
              + name
              + "' is not available in a "
              + session.workflow().id()
              + " run; it belongs to "
              + workflows.stream().sorted().map(WorkflowId::id).collect(Collectors.joining(", ")));
    }
    JsonNode checked =
        input == null || input.isNull() || input.isMissingNode()
            ? JsonNodeFactory.instance.objectNode()
            : input;
    var problem = InputCheck.problem(checked, schema);
    if (problem.isPresent()) {
      return ToolResult.error("invalid input for " + name + ": " + problem.get());
    }
    try {
      return run(checked, session);
    } catch (RuntimeException e) {
      return ToolResult.error(
          name
              + " failed: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }

  /** The tool's work, on input that passed the schema. */
  abstract ToolResult run(JsonNode input, ToolSession session);

  static MemberId memberId(JsonNode input) {
    return new MemberId(input.get("member_id").asText().strip());
  }

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }
}
