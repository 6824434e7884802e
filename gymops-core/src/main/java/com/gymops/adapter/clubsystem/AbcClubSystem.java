package com.gymops.adapter.clubsystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.gymops.application.port.ClubRecord;
import com.gymops.application.port.ClubSystem;
import com.gymops.application.port.ClubSystemException;
import com.gymops.application.port.ClubSystemFacts;
import com.gymops.config.ClubSystemSettings;
import com.gymops.domain.ClubId;
import com.gymops.domain.MemberStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Members and prospects from ABC Evo (docs/INTEGRATIONS.md): each configured club's {@code GET
 * {base_url}/{clubNumber}/members?page=N}, from page 1 while {@code status.nextPage} names another,
 * each row carrying its {@code personal} details and its {@code agreement} with the balance.
 *
 * <p>The pull reads everything, so {@code updatedSince} is ignored and each record carries the
 * pull's instant. The cursor says where the pull is ({@code club index:page}); a pull that fails is
 * repeated from the start at the next tick, which merging makes harmless. ABC gives no day a
 * balance fell due: the sync takes the day of the first pull that saw it. Thread-safe.
 */
public final class AbcClubSystem implements ClubSystem {
  private final AbcSession session;
  private final List<Map.Entry<ClubId, String>> clubs;
  private final Set<ClubId> consentAttested;
  private final Clock clock;

  public AbcClubSystem(AbcSession session, ClubSystemSettings settings, Clock clock) {
    this.session = session;
    this.clubs =
        settings.clubNumbers().entrySet().stream()
            .sorted(Comparator.comparing(entry -> entry.getKey().value()))
            .toList();
    this.consentAttested = settings.consentAttested();
    this.clock = clock;
  }

  @Override
  public Page members(Instant updatedSince, String cursor) {
    if (clubs.isEmpty()) {
      return new Page(List.of(), null);
    }
    Position at = cursor == null ? new Position(0, 1) : Position.parse(cursor, clubs.size());
    Map.Entry<ClubId, String> club = clubs.get(at.club());
    JsonNode page = session.get("/" + club.getValue() + "/members?page=" + at.page());
    JsonNode rows = page.path("members");
    if (rows.isMissingNode() || rows.isNull()) {
      // a club with no members on this page: ABC leaves the array out
      rows = JsonNodeFactory.instance.arrayNode();
    } else if (!rows.isArray()) {
      throw new ClubSystemException(
          "ABC Evo's page " + at.page() + " of club " + club.getValue() + " has no members array");
    }
    Instant now = clock.instant();
    List<ClubRecord> records = new ArrayList<>(rows.size());
    for (JsonNode row : rows) {
      records.add(record(club.getKey(), row, now));
    }
    return new Page(records, next(at, ClubHubRows.text(page.path("status"), "nextPage")));
  }

  private String next(Position at, String nextPage) {
    if (nextPage != null) {
      try {
        int page = Integer.parseInt(nextPage);
        if (page > at.page()) {
          return new Position(at.club(), page).toString();
        }
      } catch (NumberFormatException e) {
        throw new ClubSystemException("ABC Evo's status.nextPage is not a page: " + nextPage, e);
      }
    }
    return at.club() + 1 < clubs.size() ? new Position(at.club() + 1, 1).toString() : null;
  }

  private ClubRecord record(ClubId club, JsonNode row, Instant now) {
    JsonNode personal = row.path("personal");
    JsonNode agreement = row.path("agreement");
    String id = ClubHubRows.text(row, "memberId");
    AbcStanding standing =
        AbcStanding.of(
            ClubHubRows.text(personal, "joinStatus"),
            ClubHubRows.text(personal, "memberStatus"),
            ClubHubRows.text(agreement, "isPastDue"),
            ClubHubRows.text(agreement, "membershipType"),
            ClubHubRows.text(agreement, "paymentPlan"));
    boolean prospect = standing.status() == MemberStatus.PROSPECT;
    LocalDate joined =
        ClubHubRows.date(
            first(
                ClubHubRows.text(agreement, "sinceDate"),
                ClubHubRows.text(agreement, "beginDate")));
    LocalDate lastCheckIn = ClubHubRows.date(ClubHubRows.text(personal, "lastCheckInTimestamp"));
    boolean attested = consentAttested.contains(club);
    return new ClubRecord(
        id,
        club.value(),
        ClubHubRows.text(personal, "firstName"),
        ClubHubRows.text(personal, "lastName"),
        ClubHubRows.phone(ClubHubRows.text(personal, "mobilePhone")),
        ClubHubRows.text(personal, "email"),
        standing.status().name(),
        prospect || joined == null ? null : joined.toString(),
        prospect ? null : pastDue(agreement),
        null,
        attested,
        now,
        ClubHubRows.text(personal, "state"),
        null,
        null,
        new ClubSystemFacts(
            id,
            standing.clubStatus(),
            lastCheckIn == null ? null : lastCheckIn.toString(),
            attested,
            true));
  }

  /**
   * What the member owes now: {@code totalPastDueBalance} (dues, late and service fees), else
   * {@code pastDueBalance} plus {@code lateFeeAmount}. Text that is no amount is passed on for the
   * sync to report; a negative amount (a credit) is no debt.
   */
  private static String pastDue(JsonNode agreement) {
    String total = ClubHubRows.text(agreement, "totalPastDueBalance");
    String dues = ClubHubRows.text(agreement, "pastDueBalance");
    String fees = ClubHubRows.text(agreement, "lateFeeAmount");
    if (total == null && dues == null) {
      return null;
    }
    try {
      BigDecimal amount =
          total != null
              ? new BigDecimal(total)
              : new BigDecimal(dues).add(fees == null ? BigDecimal.ZERO : new BigDecimal(fees));
      return amount.signum() < 0
          ? "0.00"
          : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    } catch (NumberFormatException e) {
      return total != null ? total : dues;
    }
  }

  private static String first(String text, String otherwise) {
    return text != null ? text : otherwise;
  }

  private record Position(int club, int page) {
    static Position parse(String cursor, int clubs) {
      String[] parts = cursor.split(":");
      try {
        Position at = new Position(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        if (parts.length != 2 || at.club() < 0 || at.club() >= clubs || at.page() < 1) {
          throw new IllegalArgumentException(cursor);
        }
        return at;
      } catch (RuntimeException e) {
        throw new ClubSystemException("not an ABC Evo cursor: " + cursor, e);
      }
    }

    @Override
    public String toString() {
      return club + ":" + page;
    }
  }
}
