package com.gymops.adapter.reports;

import com.gymops.application.port.ReportWriter;
import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes report rows as CSV under {@code reports/} in the data directory, one file per workflow,
 * club and date ({@code referrals-main-2026-11-30.csv}); a rerun on the same date rewrites it.
 */
public final class CsvReportWriter implements ReportWriter {
  private final Path directory;

  public CsvReportWriter(Path directory) {
    this.directory = directory;
  }

  @Override
  public String write(
      WorkflowId workflow, ClubId club, LocalDate date, List<Map<String, Object>> rows) {
    String name =
        switch (workflow) {
          case COLLECTIONS_REFERRAL -> "referrals";
          case COLLECTIONS_ESCALATION -> "escalations";
          default -> workflow.id();
        };
    Path file = directory.resolve(name + "-" + club + "-" + date + ".csv");
    Set<String> columns = new LinkedHashSet<>();
    rows.forEach(row -> columns.addAll(row.keySet()));
    try {
      Files.createDirectories(directory);
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write(line(new ArrayList<>(columns)));
        for (Map<String, Object> row : rows) {
          List<String> values = new ArrayList<>(columns.size());
          for (String column : columns) {
            Object value = row.get(column);
            values.add(value == null ? "" : String.valueOf(value));
          }
          out.write(line(values));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report " + file, e);
    }
    return file.toString();
  }

  private static String line(List<String> values) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(quote(values.get(i)));
    }
    return line.append("\r\n").toString();
  }

  /**
   * RFC 4180 quoting; a leading =, +, -, @, tab or carriage return is neutralised so spreadsheets
   * do not run it, except in a plain signed number such as an E.164 phone number, which no
   * spreadsheet runs and which the agency must receive intact.
   */
  private static String quote(String value) {
    String safe =
        !value.isEmpty()
                && "=+-@\t\r".indexOf(value.charAt(0)) >= 0
                && !value.matches("[-+]?[0-9.]+")
            ? "'" + value
            : value;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
