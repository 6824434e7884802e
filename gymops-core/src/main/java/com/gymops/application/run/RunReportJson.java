package com.gymops.application.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.application.run.RunReport.ReportedAction;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The run report as the JSON of docs/ARCHITECTURE.md. Field names and shapes are a contract that
 * scripts depend on: add fields, never rename or remove them.
 */
public final class RunReportJson {
  /**
   * One per process: a mapper per event cost a fifth of a 100,000-member run (docs/BENCHMARKS.md).
   */
  private static final ObjectMapper COMPACT = new ObjectMapper();

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunReportJson() {}

  public static String write(RunReport report) {
    try {
      return JSON.writeValueAsString(tree(report));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The report as stored with the run: compact, and without the action list, which the run's events
   * already hold one row each (a 10,000-action report would otherwise weigh megabytes).
   */
  public static String stored(RunReport report) {
    ObjectNode tree = tree(report);
    tree.remove("actions");
    tree.put("action_count", report.actions().size());
    return tree.toString();
  }

  public static ObjectNode tree(RunReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("run_id", report.runId());
    root.put("workflow", report.workflow().id());
    root.put("club_id", report.club().value());
    root.put("mode", report.mode().code());
    root.put("mode_used", report.modeUsed());
    root.put("dry_run", report.dryRun());
    root.put("status", report.status().name().toLowerCase(java.util.Locale.ROOT));
    root.put("at", report.at().toString());
    root.set("summary", SummaryJson.write(report.summary()));
    ArrayNode actions = root.putArray("actions");
    for (ReportedAction action : report.actions()) {
      ObjectNode node = actions.addObject();
      node.put("member_id", action.memberId());
      node.put("action", action.action());
      node.put("detail", action.detail());
      node.put("rule", action.rule());
      node.put("outcome", action.outcome());
      if (action.message() != null) {
        node.put("channel", action.message().channel().code());
        node.put("text", action.message().text());
        node.put("not_before", action.message().notBefore().toString());
      }
    }
    AgentOutcome agent = report.agent();
    ArrayNode held = root.putArray("held");
    ArrayNode blocks = root.putArray("guard_blocks");
    AgentOutcome.LlmFigures figures = agent == null ? AgentOutcome.LlmFigures.NONE : agent.llm();
    if (agent != null) {
      for (AgentOutcome.HeldMember member : agent.held()) {
        held.addObject()
            .put("member_id", member.memberId())
            .put("reason", member.reason())
            .put("actions", member.actions())
            .put("note", member.note());
      }
      for (AgentOutcome.BlockedCall block : agent.guardBlocks()) {
        blocks
            .addObject()
            .put("tool", block.tool())
            .put("member_id", block.memberId())
            .put("reason", block.reason());
      }
    }
    ObjectNode llm = root.putObject("llm");
    llm.put("requests", figures.requests());
    llm.put("input_tokens", figures.inputTokens());
    llm.put("output_tokens", figures.outputTokens());
    llm.put("request_bytes", figures.requestBytes());
    llm.put("cache_creation_input_tokens", figures.cacheCreationInputTokens());
    llm.put("cache_read_input_tokens", figures.cacheReadInputTokens());
    llm.put("cost_usd", figures.costUsd());
    if (agent != null) {
      ObjectNode node = root.putObject("agent");
      node.put("model_asked", agent.modelAsked());
      node.put("review", agent.review());
      node.put("stop_reason", agent.stopReason());
      node.put("fallback_reason", agent.fallbackReason());
      node.put("completed_by_rules", report.completedByRules());
      node.put("final_text", agent.finalText());
    }
    if (report.shadow() != null) {
      ShadowDiff diff = report.shadow();
      ObjectNode node = root.putObject("shadow");
      node.put("rules_actions", diff.rulesActions());
      node.put("agent_would_execute", diff.agentWouldExecute());
      node.put("agent_would_hold", diff.agentWouldHold());
      node.put("agent_would_leave", diff.agentWouldLeave());
      ArrayNode differences = node.putArray("differences");
      for (ShadowDiff.Difference difference : diff.differences()) {
        differences
            .addObject()
            .put("member_id", difference.memberId())
            .put("action", difference.action())
            .put("detail", difference.detail())
            .put("rules", difference.rules())
            .put("agent", difference.agent());
      }
    }
    root.set("skipped", JSON.valueToTree(report.skipped()));
    root.set("outcomes", JSON.valueToTree(report.outcomes()));
    root.set("files", JSON.valueToTree(report.files()));
    if (report.error() != null) {
      root.put("error", report.error());
    }
    return root;
  }

  /** Action inputs as a compact JSON object for the run's events. */
  public static String inputs(Map<String, String> inputs) {
    try {
      return COMPACT.writeValueAsString(inputs);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Action inputs as {@link #inputs} wrote them; empty for none or unreadable ones. */
  public static Map<String, String> readInputs(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      Map<String, String> inputs = new java.util.LinkedHashMap<>();
      COMPACT
          .readTree(json)
          .properties()
          .forEach(field -> inputs.put(field.getKey(), field.getValue().asText()));
      return inputs;
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }
}
