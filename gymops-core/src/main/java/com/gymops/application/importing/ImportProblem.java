package com.gymops.application.importing;

import java.util.Objects;

/**
 * One thing wrong with an import file, pointing at the physical line where the offending record
 * starts and, when the problem is in a single value, at the column by its header name.
 *
 * @param line 1-based physical line number; a record spanning lines is reported at its first
 * @param column the header name of the offending column, or {@code null} when the whole line is
 *     wrong (bad header, wrong number of values, broken quoting)
 * @param problem what is wrong, in words a gym manager can act on
 */
public record ImportProblem(int line, String column, String problem) {

  public ImportProblem {
    if (line < 1) {
      throw new IllegalArgumentException("line must be 1 or more: " + line);
    }
    Objects.requireNonNull(problem, "problem");
  }

  static ImportProblem onLine(int line, String problem) {
    return new ImportProblem(line, null, problem);
  }

  @Override
  public String toString() {
    return column == null
        ? "line " + line + ": " + problem
        : "line " + line + ", column " + column + ": " + problem;
  }
}
