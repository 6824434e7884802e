package com.gymops.adapter.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.application.ask.AskAnswer;
import com.gymops.application.ask.AskTool;
import com.gymops.application.ask.AskTools;
import com.gymops.application.care.Actor;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * GymOps' {@link AskTools} as the MCP SDK's tool specifications: each call is made as the actor of
 * the request (its API token), answers with its text and tables in Markdown, and with the same as
 * {@code structuredContent} ({@code {"text", "tables": [{"title", "columns", "rows"}]}}).
 */
final class McpTools {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private McpTools() {}

  /**
   * @param actorOf who makes a call: empty when the request carries no valid token (the HTTP
   *     transport refuses such requests before they get here; this is the second lock)
   */
  static List<SyncToolSpecification> of(
      AskTools tools, Function<McpSyncServerExchange, Optional<Actor>> actorOf) {
    return tools.all().stream().map(tool -> specification(tools, tool, actorOf)).toList();
  }

  private static SyncToolSpecification specification(
      AskTools tools, AskTool tool, Function<McpSyncServerExchange, Optional<Actor>> actorOf) {
    McpSchema.Tool described =
        McpSchema.Tool.builder()
            .name(tool.name())
            .description(tool.description())
            .inputSchema(tool.inputSchema())
            .annotations(
                new McpSchema.ToolAnnotations(
                    title(tool.name()), !tool.files(), false, true, false, null))
            .build();
    return SyncToolSpecification.builder()
        .tool(described)
        .callHandler(
            (exchange, request) -> {
              Optional<Actor> actor = actorOf.apply(exchange);
              if (actor.isEmpty()) {
                return result(AskAnswer.refused("no valid API token"));
              }
              JsonNode arguments =
                  JSON.valueToTree(request.arguments() == null ? Map.of() : request.arguments());
              return result(tools.call(actor.get(), tool.name(), arguments));
            })
        .build();
  }

  private static McpSchema.CallToolResult result(AskAnswer answer) {
    return McpSchema.CallToolResult.builder()
        .addTextContent(answer.fullText())
        .structuredContent(JSON.convertValue(answer.json(), MAP))
        .isError(answer.error())
        .build();
  }

  private static String title(String name) {
    String words = name.replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
