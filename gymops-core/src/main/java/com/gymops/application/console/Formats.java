package com.gymops.application.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.application.run.SummaryJson;
import com.gymops.application.run.SummaryText;
import com.gymops.domain.WorkflowId;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the console writes instants and a report's summary for a person to read. */
final class Formats {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM HH:mm");

  private Formats() {}

  /** The instant in the club's time zone, e.g. {@code Tue 1 Dec 06:00}; "-" for none. */
  static String local(Instant instant, ZoneId zone) {
    return instant == null ? "-" : LOCAL.format(instant.atZone(zone));
  }

  /**
   * A stored report's summary on one line, in the words of {@link SummaryText} ("members processed:
   * 12; reminders queued: friendly 3, firm 1, final 0; ..."); lists by their size, so a card stays
   * a card on a large club. "" for a run without a report.
   */
  static String summary(WorkflowId workflow, String reportJson) {
    if (reportJson == null) {
      return "";
    }
    try {
      JsonNode report = JSON.readTree(reportJson);
      return SummaryJson.read(workflow, report.get("summary"))
          .map(summary -> SummaryText.sentence(summary, report.path("dry_run").asBoolean()))
          .orElse("");
    } catch (java.io.IOException | RuntimeException e) {
      return "";
    }
  }
}
