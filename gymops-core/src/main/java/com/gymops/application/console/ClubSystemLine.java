package com.gymops.application.console;

import com.gymops.application.port.store.ClubSystemLinks;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * What the club system says of a member, as the member's page shows it: "ClubHub member 88123,
 * staff, last checked in Mon Nov 30, 2026".
 */
final class ClubSystemLine {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE MMM d, yyyy", Locale.US);

  /** The standings of docs/INTEGRATIONS.md in a manager's words. */
  private static final Map<String, String> STANDINGS =
      Map.of(
          "good_standing", "in good standing",
          "past_due", "past due",
          "pending_cancel", "pending cancel",
          "expiring_soon", "expiring soon",
          "ppv", "pay per visit",
          "ended", "membership ended",
          "staff", "staff",
          "prospect", "prospect");

  private ClubSystemLine() {}

  /**
   * @param system {@code club_system.system}
   */
  static String of(String system, ClubSystemLinks.Link link) {
    StringBuilder line =
        new StringBuilder(systemName(system)).append(" member ").append(link.externalId());
    if (link.clubStatus() != null && !link.clubStatus().isBlank()) {
      line.append(", ")
          .append(
              STANDINGS.getOrDefault(
                  link.clubStatus(), link.clubStatus().replace('_', ' ').toLowerCase(Locale.ROOT)));
    }
    LocalDate lastCheckIn = link.lastCheckIn();
    line.append(
        lastCheckIn == null
            ? ", no check-in on record"
            : ", last checked in " + DAY.format(lastCheckIn));
    return line.toString();
  }

  private static String systemName(String system) {
    return switch (system) {
      case "clubhub" -> "ClubHub";
      case "abc" -> "ABC";
      default -> "Club system";
    };
  }
}
