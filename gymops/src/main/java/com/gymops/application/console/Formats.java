package com.gymops.application.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** How the console writes instants and a report's summary for a person to read. */
final class Formats {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM HH:mm");

  private Formats() {}

  /** The instant in the club's time zone, e.g. {@code Tue 1 Dec 06:00}; "-" for none. */
  static String local(Instant instant, ZoneId zone) {
    return instant == null ? "-" : LOCAL.format(instant.atZone(zone));
  }

  /** A value in a line: lists by their size, so a card stays a card on a large club. */
  private static String brief(JsonNode value) {
    if (value.isValueNode()) {
      return value.asText();
    }
    if (value.isArray()) {
      return value.size() + " listed";
    }
    List<String> parts = new ArrayList<>();
    value.properties().forEach(f -> parts.add(f.getKey() + " " + brief(f.getValue())));
    return String.join(", ", parts);
  }

  /** A report's {@code summary} as "members checked: 12, reminders queued: 3". */
  static String summary(String reportJson) {
    if (reportJson == null) {
      return "";
    }
    try {
      JsonNode summary = JSON.readTree(reportJson).path("summary");
      List<String> parts = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> fields = summary.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        parts.add(field.getKey().replace('_', ' ') + ": " + brief(value));
      }
      return String.join(", ", parts);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
