package com.gymops.application.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.domain.TranscriptEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a stored transcript (requests and responses of the Messages API) into lines a manager
 * reads: the model's words, each tool call with its input, each result, the guard's refusals
 * marked. Thinking blocks are left out: they are the model's scratch work, not its decisions.
 */
final class TranscriptLines {
  private static final int MAX_TEXT = 2_000;

  private TranscriptLines() {}

  static List<TranscriptLine> of(List<TranscriptEntry> entries) {
    List<TranscriptLine> lines = new ArrayList<>();
    for (TranscriptEntry entry : entries) {
      JsonNode body;
      try {
        body = Formats.JSON.readTree(entry.body());
      } catch (IOException e) {
        lines.add(new TranscriptLine(entry.seq(), "error", "unreadable entry", clip(entry.body())));
        continue;
      }
      switch (entry.kind()) {
        case "response" -> blocks(entry.seq(), body.path("content"), lines);
        case "request" -> {
          // A stored request holds the messages added since the one before: the model's last
          // turn, already shown from its response, and GymOps' new one (the first prompt, then
          // the tools' results). Only GymOps' turns are shown from it.
          for (JsonNode message : body.path("messages")) {
            if (message.path("role").asText().equals("assistant")) {
              continue;
            }
            JsonNode content = message.path("content");
            if (content.isTextual()) {
              lines.add(
                  new TranscriptLine(entry.seq(), "request", "GymOps", clip(content.asText())));
            } else {
              blocks(entry.seq(), content, lines);
            }
          }
        }
        case "decision" ->
            lines.add(
                new TranscriptLine(
                    entry.seq(),
                    "request",
                    "GymOps decided",
                    clip(body.path("why").asText(readable(body)))));
        default ->
            lines.add(
                new TranscriptLine(
                    entry.seq(),
                    "error",
                    entry.kind(),
                    clip(body.path("error").asText(entry.body()))));
      }
    }
    return lines;
  }

  private static void blocks(int seq, JsonNode content, List<TranscriptLine> lines) {
    for (JsonNode block : content) {
      switch (block.path("type").asText()) {
        case "text" ->
            lines.add(new TranscriptLine(seq, "model", "model", clip(block.path("text").asText())));
        case "tool_use" ->
            lines.add(
                new TranscriptLine(
                    seq,
                    "call",
                    "asks to " + ActionWords.words(block.path("name").asText()),
                    clip(readable(block.path("input")))));
        case "tool_result" -> {
          boolean refused = block.path("is_error").asBoolean(false);
          JsonNode result = block.path("content");
          String text = readable(result.isTextual() ? result.asText() : texts(result));
          lines.add(
              new TranscriptLine(
                  seq,
                  refused ? "refused" : "result",
                  refused ? "refused by the guard" : "result",
                  clip(text)));
        }
        default -> {}
      }
    }
  }

  /**
   * A tool's input or result as a person reads it: an object's fields as "name: value" joined by "
   * · ", nested ones likewise; text that is not JSON as it is.
   */
  static String readable(String text) {
    String trimmed = text.trim();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
      return text;
    }
    try {
      return readable(Formats.JSON.readTree(trimmed));
    } catch (IOException e) {
      return text;
    }
  }

  static String readable(JsonNode node) {
    if (node.isObject()) {
      StringBuilder out = new StringBuilder();
      node.properties()
          .forEach(
              field -> {
                if (!out.isEmpty()) {
                  out.append(" · ");
                }
                out.append(ActionWords.words(field.getKey()))
                    .append(": ")
                    .append(readable(field.getValue()));
              });
      return out.isEmpty() ? "(nothing)" : out.toString();
    }
    if (node.isArray()) {
      StringBuilder out = new StringBuilder();
      for (JsonNode item : node) {
        out.append(out.isEmpty() ? "" : "; ").append(readable(item));
      }
      return "[" + out + "]";
    }
    return node.asText();
  }

  private static String texts(JsonNode blocks) {
    StringBuilder text = new StringBuilder();
    for (JsonNode block : blocks) {
      text.append(block.path("text").asText(block.toString()));
    }
    return text.toString();
  }

  private static String clip(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + " …";
  }
}
