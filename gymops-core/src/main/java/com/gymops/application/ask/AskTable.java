package com.gymops.application.ask;

import java.util.List;

/** A table a tool answers with: shown as it is in the console, sent as JSON to an MCP client. */
public record AskTable(String title, List<String> columns, List<List<String>> rows) {
  public AskTable {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
  }

  /**
   * A column's heading as the console shows it to a manager: "past_due_since" reads "Past due
   * since", "member_id" reads "Member". The JSON keeps the names a client's model reads.
   */
  public static String heading(String column) {
    if (column.equals("id")) {
      return "ID";
    }
    String words = column.endsWith("_id") ? column.substring(0, column.length() - 3) : column;
    words = words.replace('_', ' ').strip();
    return words.isEmpty() ? column : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** The table as Markdown, for a client that shows only text. */
  public String markdown() {
    StringBuilder text = new StringBuilder();
    text.append("**").append(cell(title)).append("**\n\n| ");
    text.append(String.join(" | ", columns.stream().map(AskTable::cell).toList())).append(" |\n|");
    text.append(" --- |".repeat(columns.size())).append('\n');
    for (List<String> row : rows) {
      text.append("| ")
          .append(String.join(" | ", row.stream().map(AskTable::cell).toList()))
          .append(" |\n");
    }
    return text.toString();
  }

  private static String cell(String value) {
    return value == null ? "" : value.replace("|", "\\|").replace("\n", " ");
  }
}
