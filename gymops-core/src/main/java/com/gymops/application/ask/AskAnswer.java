package com.gymops.application.ask;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a tool answers: a sentence or two, the tables it read, and whether the call failed (a
 * refusal in words: an unknown member, another club, a bad date).
 */
public record AskAnswer(String text, List<AskTable> tables, boolean error) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public AskAnswer {
    tables = List.copyOf(tables);
  }

  public static AskAnswer of(String text, AskTable... tables) {
    return new AskAnswer(text, List.of(tables), false);
  }

  public static AskAnswer refused(String reason) {
    return new AskAnswer(reason, List.of(), true);
  }

  /** The sentence, then each table in Markdown: what a model or a text-only client reads. */
  public String fullText() {
    StringBuilder all = new StringBuilder(text);
    for (AskTable table : tables) {
      all.append("\n\n").append(table.markdown());
    }
    return all.toString();
  }

  /** {@code {"text": ..., "tables": [{"title", "columns", "rows"}]}}. */
  public ObjectNode json() {
    ObjectNode node = JSON.createObjectNode();
    node.put("text", text);
    ArrayNode list = node.putArray("tables");
    for (AskTable table : tables) {
      ObjectNode t = list.addObject();
      t.put("title", table.title());
      ArrayNode columns = t.putArray("columns");
      table.columns().forEach(columns::add);
      ArrayNode rows = t.putArray("rows");
      for (List<String> row : table.rows()) {
        ArrayNode r = rows.addArray();
        row.forEach(r::add);
      }
    }
    return node;
  }
}
