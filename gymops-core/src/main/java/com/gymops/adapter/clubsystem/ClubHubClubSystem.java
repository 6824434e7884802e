package com.gymops.adapter.clubsystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.application.port.ClubRecord;
import com.gymops.application.port.ClubSystem;
import com.gymops.application.port.ClubSystemException;
import com.gymops.application.port.ClubSystemFacts;
import com.gymops.config.ClubSystemSettings;
import com.gymops.domain.ClubId;
import com.gymops.domain.MemberStatus;
import java.io.IOException;
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
 * Members and prospects from ClubHub (docs/INTEGRATIONS.md): each configured club's {@code GET
 * /api/v1.0/clubs/{club}/members}, then its {@code /prospects}, page by page from 1 until a short
 * page, each member's {@code GET /api/members/{id}/agreement} for the balance and standing, and
 * their {@code usages/by-date-range} of the last {@value #CHECK_IN_DAYS} days for the last
 * check-in.
 *
 * <p>ClubHub has no "changed since": every pull reads everything, so {@code updatedSince} is
 * ignored and each record carries the pull's instant. The cursor says where the pull is ({@code
 * club index:members|prospects:page}); a pull that fails is repeated from the start at the next
 * tick, which merging makes harmless. Thread-safe.
 */
public final class ClubHubClubSystem implements ClubSystem {
  /** Prospects are kept apart from members, whose ids ClubHub numbers separately. */
  public static final String PROSPECT_PREFIX = "prospect-";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MEMBERS = "members";
  private static final String PROSPECTS = "prospects";

  /**
   * Days of check-ins asked of {@code usages/by-date-range} per member: the latest visit of anyone
   * who comes at all; the row's {@code lastVisit} stands for an older one.
   */
  static final int CHECK_IN_DAYS = 30;

  /** Where a usage carries its time, in the order tried (the fake sends {@code checkInTime}). */
  private static final List<String> CHECK_IN_FIELDS =
      List.of("checkInTime", "checkInDate", "usageDate", "date");

  private final ClubHubSession session;
  private final List<Map.Entry<ClubId, String>> clubs;
  private final Set<ClubId> consentAttested;
  private final int pageSize;
  private final Clock clock;

  public ClubHubClubSystem(ClubHubSession session, ClubSystemSettings settings, Clock clock) {
    this.session = session;
    this.clubs =
        settings.clubNumbers().entrySet().stream()
            .sorted(Comparator.comparing(entry -> entry.getKey().value()))
            .toList();
    this.consentAttested = settings.consentAttested();
    this.pageSize = settings.clubhub().pageSize();
    this.clock = clock;
  }

  @Override
  public Page members(Instant updatedSince, String cursor) {
    if (clubs.isEmpty()) {
      return new Page(List.of(), null);
    }
    Position at = cursor == null ? new Position(0, MEMBERS, 1) : Position.parse(cursor);
    Map.Entry<ClubId, String> club = clubs.get(at.club());
    JsonNode rows =
        ClubHubRows.rows(
            get(
                "/api/v1.0/clubs/"
                    + club.getValue()
                    + "/"
                    + at.kind()
                    + "?page="
                    + at.page()
                    + "&pageSize="
                    + pageSize),
            at.kind());
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    List<ClubRecord> records = new ArrayList<>(rows.size());
    for (JsonNode row : rows) {
      records.add(
          at.kind().equals(MEMBERS)
              ? member(club.getKey(), row, now, today)
              : prospect(club.getKey(), row, now));
    }
    return new Page(records, rows.size() < pageSize ? after(at) : at.nextPage().toString());
  }

  private String after(Position at) {
    if (at.kind().equals(MEMBERS)) {
      return new Position(at.club(), PROSPECTS, 1).toString();
    }
    return at.club() + 1 < clubs.size() ? new Position(at.club() + 1, MEMBERS, 1).toString() : null;
  }

  private ClubRecord member(ClubId club, JsonNode row, Instant now, LocalDate today) {
    String id = ClubHubRows.text(row, "id");
    JsonNode agreement = id == null ? null : agreement(id);
    String message =
        agreement == null
            ? ClubHubRows.text(row, "statusMessage")
            : ClubHubRows.text(agreement, "statusMessage");
    ClubHubStanding standing =
        ClubHubStanding.of(message, ClubHubRows.text(row, "membershipEnd"), today);
    String pastDue = agreement == null ? null : amount(agreement.get("amountPastDue"));
    LocalDate latestStart = standing.latestPastDueStart(today);
    LocalDate lastVisit = ClubHubRows.date(ClubHubRows.text(row, "lastVisit"));
    return record(
        id,
        club,
        row,
        standing.status(),
        pastDue,
        latestStart == null ? null : latestStart.toString(),
        standing.clubStatus(),
        id == null ? lastVisit : lastCheckIn(id, lastVisit, today),
        now);
  }

  /**
   * The later of the row's {@code lastVisit} and the member's latest usage of the last {@link
   * #CHECK_IN_DAYS} days. Check-ins only inform the member's page, so a usage list ClubHub refuses
   * (4xx) or sends in a shape not read leaves {@code lastVisit}; one it cannot answer at all fails
   * the pull as any other call does.
   */
  private LocalDate lastCheckIn(String memberId, LocalDate lastVisit, LocalDate today) {
    ClubHubSession.Response response =
        session.call(
            "GET",
            "/api/members/"
                + memberId
                + "/usages/by-date-range?startDate="
                + today.minusDays(CHECK_IN_DAYS)
                + "&endDate="
                + today,
            null);
    if (!response.ok()) {
      return lastVisit;
    }
    JsonNode usages;
    try {
      usages = ClubHubRows.rows(JSON.readTree(response.body()), "usages");
    } catch (IOException | ClubSystemException e) {
      return lastVisit;
    }
    LocalDate latest = lastVisit;
    for (JsonNode usage : usages) {
      for (String field : CHECK_IN_FIELDS) {
        LocalDate day = ClubHubRows.date(ClubHubRows.text(usage, field));
        if (day != null) {
          if (!day.isAfter(today) && (latest == null || day.isAfter(latest))) {
            latest = day;
          }
          break;
        }
      }
    }
    return latest;
  }

  private ClubRecord prospect(ClubId club, JsonNode row, Instant now) {
    String id = ClubHubRows.text(row, "id");
    return record(
        id,
        club,
        row,
        MemberStatus.PROSPECT,
        null,
        null,
        "prospect",
        ClubHubRows.date(ClubHubRows.text(row, "lastVisit")),
        now);
  }

  private ClubRecord record(
      String id,
      ClubId club,
      JsonNode row,
      MemberStatus status,
      String pastDue,
      String pastDueSince,
      String clubStatus,
      LocalDate lastCheckIn,
      Instant now) {
    boolean attested = consentAttested.contains(club);
    LocalDate joined = ClubHubRows.date(ClubHubRows.text(row, "membershipStart"));
    String memberId =
        id == null ? null : status == MemberStatus.PROSPECT ? PROSPECT_PREFIX + id : id;
    return new ClubRecord(
        memberId,
        club.value(),
        ClubHubRows.text(row, "firstName"),
        ClubHubRows.text(row, "lastName"),
        ClubHubRows.phone(ClubHubRows.text(row, "mobilePhone")),
        ClubHubRows.text(row, "email"),
        status.name(),
        joined == null ? null : joined.toString(),
        pastDue,
        pastDueSince,
        attested,
        now,
        ClubHubRows.text(row, "state"),
        null,
        null,
        new ClubSystemFacts(
            id, clubStatus, lastCheckIn == null ? null : lastCheckIn.toString(), attested, true));
  }

  /** The member's agreement, or null when ClubHub has none (404). */
  private JsonNode agreement(String memberId) {
    ClubHubSession.Response response =
        session.call("GET", "/api/members/" + memberId + "/agreement", null);
    if (response.status() == 404) {
      return null;
    }
    return json(response, "the agreement of member " + memberId);
  }

  private JsonNode get(String path) {
    return json(session.call("GET", path, null), path.replaceAll("\\?.*", ""));
  }

  private static JsonNode json(ClubHubSession.Response response, String what) {
    if (!response.ok()) {
      throw new ClubSystemException(
          "ClubHub answered HTTP " + response.status() + " for " + what + ": " + response.error());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new ClubSystemException("ClubHub answered something that is not JSON for " + what, e);
    }
  }

  /** A dollar amount as ClubHub sends it (a number, sometimes text); a negative one is no debt. */
  private static String amount(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      BigDecimal amount = new BigDecimal(value.asText().strip());
      return amount.signum() < 0
          ? "0.00"
          : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    } catch (NumberFormatException e) {
      return value.asText();
    }
  }

  private record Position(int club, String kind, int page) {
    static Position parse(String cursor) {
      String[] parts = cursor.split(":");
      try {
        Position at =
            new Position(Integer.parseInt(parts[0]), parts[1], Integer.parseInt(parts[2]));
        if (!at.kind().equals(MEMBERS) && !at.kind().equals(PROSPECTS) || at.page() < 1) {
          throw new IllegalArgumentException(cursor);
        }
        return at;
      } catch (RuntimeException e) {
        throw new ClubSystemException("not a ClubHub cursor: " + cursor, e);
      }
    }

    Position nextPage() {
      return new Position(club, kind, page + 1);
    }

    @Override
    public String toString() {
      return club + ":" + kind + ":" + page;
    }
  }
}
