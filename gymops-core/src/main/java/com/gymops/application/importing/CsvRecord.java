package com.gymops.application.importing;

import java.util.List;

/**
 * One record of a CSV file as written, before any meaning is given to its values.
 *
 * @param line the physical line the record starts on
 * @param values the unquoted values, untrimmed
 * @param defect why the record's quoting is broken, or {@code null} when it is well formed
 */
record CsvRecord(int line, List<String> values, String defect) {

  CsvRecord {
    values = List.copyOf(values);
  }

  boolean isWellFormed() {
    return defect == null;
  }
}
