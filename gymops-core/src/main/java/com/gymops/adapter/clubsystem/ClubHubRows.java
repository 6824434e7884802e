package com.gymops.adapter.clubsystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.application.port.ClubSystemException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/** Reading ClubHub's JSON: its rows under whichever key this version uses, its dates and phones. */
final class ClubHubRows {
  /** Where ClubHub's versions have put a page's rows, besides a bare array. */
  static final List<String> KEYS = List.of("members", "prospects", "data", "results", "items");

  private ClubHubRows() {}

  static JsonNode rows(JsonNode page, String what) {
    if (page.isArray()) {
      return page;
    }
    for (String key : KEYS) {
      JsonNode rows = page.get(key);
      if (rows != null && rows.isArray()) {
        return rows;
      }
    }
    throw new ClubSystemException(
        "ClubHub's page of " + what + " has no rows (neither an array nor " + KEYS + ")");
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank()
        ? null
        : value.asText().strip();
  }

  /** The date of {@code 2024-02-01} or {@code 2024-02-01T00:00:00}; null when it is not one. */
  static LocalDate date(String text) {
    if (text == null || text.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(text.substring(0, 10));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * A North American number as ClubHub keeps it ({@code (555) 123-4567}, {@code 555-123-4567}) in
   * E.164; anything else is passed on as it is, for the sync to report.
   */
  static String phone(String text) {
    if (text == null) {
      return null;
    }
    if (text.startsWith("+")) {
      return "+" + text.replaceAll("[^0-9]", "");
    }
    String digits = text.replaceAll("[^0-9]", "");
    if (digits.length() == 10) {
      return "+1" + digits;
    }
    if (digits.length() == 11 && digits.startsWith("1")) {
      return "+" + digits;
    }
    return text;
  }
}
