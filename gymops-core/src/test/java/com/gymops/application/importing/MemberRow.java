package com.gymops.application.importing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Builds rows of a members file, valid unless a test says otherwise. */
final class MemberRow {
  static final String HEADER = String.join(",", MemberCsvParser.COLUMNS);

  private final Map<String, String> values = new LinkedHashMap<>();

  private MemberRow() {
    values.put("member_id", "m-1");
    values.put("club_id", "main");
    values.put("first_name", "Ana");
    values.put("last_name", "Lopez");
    values.put("phone", "(415) 555-2671");
    values.put("email", "ana@example.com");
    values.put("status", "ACTIVE");
    values.put("joined_on", "2026-01-15");
    values.put("past_due_amount", "");
    values.put("past_due_since", "");
    values.put("sms_consent", "yes");
    values.put("opted_out", "no");
    values.put("door_state", "");
  }

  static MemberRow aRow() {
    return new MemberRow();
  }

  MemberRow with(String column, String value) {
    if (!values.containsKey(column)) {
      throw new IllegalArgumentException("no column " + column);
    }
    values.put(column, value);
    return this;
  }

  MemberRow withId(String memberId) {
    return with("member_id", memberId);
  }

  /** The row as one CSV record, quoting only values that need it. */
  String csv() {
    return values.values().stream().map(MemberRow::quoteIfNeeded).collect(Collectors.joining(","));
  }

  /** A whole file: header, then the rows, each line ending in LF. */
  static String file(MemberRow... rows) {
    return Stream.concat(Stream.of(HEADER), Stream.of(rows).map(MemberRow::csv))
            .collect(Collectors.joining("\n"))
        + "\n";
  }

  static String fileOfLines(List<String> lines) {
    return String.join("\n", lines) + "\n";
  }

  private static String quoteIfNeeded(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
