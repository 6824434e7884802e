package com.gymops.application.importing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A CSV layout with a fixed set of named columns, which may come in any order, and optional ones a
 * file may leave out (their values then read as empty). Reading checks the header and the shape of
 * each row, and leaves the meaning of values to a row mapper.
 */
final class CsvTable {
  private final List<String> columns;
  private final List<String> optionalColumns;

  CsvTable(List<String> columns) {
    this(columns, List.of());
  }

  CsvTable(List<String> columns, List<String> optionalColumns) {
    this.columns = List.copyOf(columns);
    this.optionalColumns = List.copyOf(optionalColumns);
  }

  List<String> columns() {
    return columns;
  }

  /**
   * Reads every row. The mapper reports problems through {@link CsvRow#reject} and returns empty
   * for a rejected row. When anything at all is wrong the result holds no values, only problems: a
   * file with a bad row imports nothing.
   */
  <T> Contents<T> read(Reader in, Function<CsvRow, Optional<T>> mapper) throws IOException {
    return read(in, ',', mapper);
  }

  /** As {@link #read(Reader, Function)}, with values separated by {@code delimiter}. */
  <T> Contents<T> read(Reader in, char delimiter, Function<CsvRow, Optional<T>> mapper)
      throws IOException {
    CsvReader reader = new CsvReader(in, delimiter);
    List<ImportProblem> problems = new ArrayList<>();
    CsvRecord header = reader.next();
    if (header == null) {
      problems.add(
          ImportProblem.onLine(
              1, "the file is empty; the first line must be the header " + header()));
      return new Contents<>(List.of(), problems);
    }
    Map<String, Integer> columnIndex = indexColumns(header, problems);
    if (!problems.isEmpty()) {
      // Without a trustworthy header every value would be read from the wrong column.
      return new Contents<>(List.of(), problems);
    }
    int width = header.values().size();
    List<T> values = new ArrayList<>();
    for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
      if (!record.isWellFormed()) {
        problems.add(ImportProblem.onLine(record.line(), record.defect()));
      } else if (record.values().size() != width) {
        problems.add(
            ImportProblem.onLine(
                record.line(),
                "expected "
                    + width
                    + " values but found "
                    + record.values().size()
                    + "; check for a missing or extra comma, or a value with a comma that"
                    + " needs quotes"));
      } else {
        CsvRow row = new CsvRow(record, columnIndex, problems);
        Optional<T> value = mapper.apply(row);
        if (!row.isRejected()) {
          values.add(value.orElseThrow());
        }
      }
    }
    return new Contents<>(problems.isEmpty() ? values : List.of(), problems);
  }

  private Map<String, Integer> indexColumns(CsvRecord header, List<ImportProblem> problems) {
    int line = header.line();
    if (!header.isWellFormed()) {
      problems.add(ImportProblem.onLine(line, "header: " + header.defect()));
      return Map.of();
    }
    Map<String, Integer> index = new HashMap<>();
    Set<String> unknown = new LinkedHashSet<>();
    Set<String> repeated = new LinkedHashSet<>();
    List<String> names = header.values();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).strip().toLowerCase(Locale.ROOT);
      if (!columns.contains(name) && !optionalColumns.contains(name)) {
        unknown.add(names.get(i).strip());
      } else if (index.putIfAbsent(name, i) != null) {
        repeated.add(name);
      }
    }
    List<String> missing = columns.stream().filter(name -> !index.containsKey(name)).toList();
    if (!missing.isEmpty()) {
      problems.add(
          ImportProblem.onLine(
              line, "missing column(s) " + String.join(", ", missing) + "; expected " + header()));
    }
    if (!unknown.isEmpty()) {
      problems.add(
          ImportProblem.onLine(
              line, "unknown column(s) " + quoted(unknown) + "; expected " + header()));
    }
    if (!repeated.isEmpty()) {
      problems.add(
          ImportProblem.onLine(line, "column(s) " + String.join(", ", repeated) + " appear twice"));
    }
    return index;
  }

  private String header() {
    return String.join(",", columns)
        + (optionalColumns.isEmpty()
            ? ""
            : " (optional: " + String.join(", ", optionalColumns) + ")");
  }

  private static String quoted(Set<String> names) {
    return String.join(", ", names.stream().map(name -> "'" + name + "'").toList());
  }

  /** Either the values of every row, or the problems that reject the file. */
  record Contents<T>(List<T> values, List<ImportProblem> problems) {}
}
