package com.gymops.application.importing;

import java.util.List;
import java.util.Map;

/**
 * A data row whose values are looked up by column name, and which gathers the problems found in it.
 * Values come back stripped of surrounding blanks, which spreadsheets add freely.
 */
final class CsvRow {
  private final CsvRecord record;
  private final Map<String, Integer> columnIndex;
  private final List<ImportProblem> problems;
  private boolean rejected;

  CsvRow(CsvRecord record, Map<String, Integer> columnIndex, List<ImportProblem> problems) {
    this.record = record;
    this.columnIndex = columnIndex;
    this.problems = problems;
  }

  int line() {
    return record.line();
  }

  /** The stripped value in {@code column}; empty when the cell is empty. */
  String value(String column) {
    Integer index = columnIndex.get(column);
    if (index == null) {
      throw new IllegalArgumentException("no column " + column);
    }
    return record.values().get(index).strip();
  }

  /** The stripped value in an optional column; empty when the file has no such column. */
  String optionalValue(String column) {
    Integer index = columnIndex.get(column);
    return index == null ? "" : record.values().get(index).strip();
  }

  void reject(String column, String problem) {
    problems.add(new ImportProblem(record.line(), column, problem));
    rejected = true;
  }

  boolean isRejected() {
    return rejected;
  }
}
