package com.gymops.application.ask;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.application.care.Actor;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One tool of the MCP server and of the console's Ask box.
 *
 * @param inputSchema the JSON Schema of its arguments, as MCP's {@code inputSchema} and the
 *     Messages API's {@code input_schema} take it
 * @param files whether it files an approval (it never changes a member itself)
 */
public record AskTool(
    String name,
    String description,
    Map<String, Object> inputSchema,
    boolean files,
    BiFunction<Actor, JsonNode, AskAnswer> handler) {}
