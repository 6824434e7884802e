package com.gymops.adapter.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FireScheduleTest {
  private static final LocalDate ANCHOR = LocalDate.of(2026, 1, 5);
  private static final String[] ZONES = {
    "America/New_York", "Europe/Berlin", "Australia/Sydney", "Africa/Cairo", "America/Santiago"
  };

  /** Every fire from {@code from} up to {@code to}, by asking for the next one after the last. */
  private static List<Instant> fires(FireSchedule schedule, Instant from, Instant to) {
    List<Instant> fires = new ArrayList<>();
    for (Instant at = schedule.nextAfter(from); at.isBefore(to); at = schedule.nextAfter(at)) {
      fires.add(at);
    }
    return fires;
  }

  @ParameterizedTest
  @ValueSource(strings = {"06:00", "08:00"})
  void a_daily_time_fires_once_on_every_local_date_of_a_year_with_dst_changes(String time) {
    for (String zoneId : ZONES) {
      ZoneId zone = ZoneId.of(zoneId);
      FireSchedule schedule = FireSchedule.parse(time, zone, null);
      LocalDate first = LocalDate.of(2026, 1, 1);
      LocalDate last = LocalDate.of(2027, 12, 31);
      List<Instant> fires =
          fires(
              schedule,
              first.atStartOfDay(zone).toInstant(),
              last.plusDays(1).atStartOfDay(zone).toInstant());

      Map<LocalDate, Long> perDate =
          fires.stream()
              .collect(
                  Collectors.groupingBy(
                      at -> at.atZone(zone).toLocalDate(), TreeMap::new, Collectors.counting()));
      assertThat(perDate).as(zoneId).hasSize((int) (last.toEpochDay() - first.toEpochDay() + 1));
      assertThat(perDate.values()).as(zoneId).containsOnly(1L);
      assertThat(fires)
          .as(zoneId)
          .allSatisfy(at -> assertThat(at.atZone(zone).toLocalTime()).isEqualTo(time));
    }
  }

  @Test
  void the_monthly_invoice_fires_once_on_the_first_of_every_month_at_seven_local() {
    for (String zoneId : ZONES) {
      ZoneId zone = ZoneId.of(zoneId);
      FireSchedule schedule = FireSchedule.parse("monthly 1 07:00", zone, null);
      List<Instant> fires =
          fires(
              schedule,
              Instant.parse("2025-12-31T00:00:00Z"),
              Instant.parse("2027-12-31T00:00:00Z"));

      assertThat(fires).as(zoneId).hasSize(24);
      assertThat(fires)
          .as(zoneId)
          .allSatisfy(
              at -> {
                ZonedDateTime local = at.atZone(zone);
                assertThat(local.getDayOfMonth()).isEqualTo(1);
                assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(7, 0));
              });
    }
  }

  @Test
  void hourly_fires_every_real_hour_25_on_fall_back_and_23_on_spring_forward() {
    ZoneId newYork = ZoneId.of("America/New_York");
    FireSchedule hourly = FireSchedule.parse("hourly", newYork, null);

    assertThat(firesOn(hourly, LocalDate.of(2026, 11, 1))).hasSize(25);
    assertThat(firesOn(hourly, LocalDate.of(2026, 3, 8))).hasSize(23);
    assertThat(firesOn(hourly, LocalDate.of(2026, 6, 1))).hasSize(24);
    List<Instant> fallBack = firesOn(hourly, LocalDate.of(2026, 11, 1));
    for (int i = 1; i < fallBack.size(); i++) {
      assertThat(Duration.between(fallBack.get(i - 1), fallBack.get(i)))
          .isEqualTo(Duration.ofHours(1));
    }
  }

  @Test
  void hourly_fires_every_real_hour_in_every_zone_across_a_year() {
    for (String zoneId : ZONES) {
      FireSchedule hourly = FireSchedule.parse("hourly", ZoneId.of(zoneId), null);
      List<Instant> fires =
          fires(
              hourly, Instant.parse("2025-12-31T23:59:59Z"), Instant.parse("2027-01-01T00:00:00Z"));
      assertThat(fires.size()).as(zoneId).isEqualTo(365 * 24);
      for (int i = 1; i < fires.size(); i++) {
        assertThat(Duration.between(fires.get(i - 1), fires.get(i)))
            .as(zoneId)
            .isEqualTo(Duration.ofHours(1));
      }
    }
  }

  @Test
  void cairo_daily_fires_once_on_its_midnight_dst_change() {
    ZoneId cairo = ZoneId.of("Africa/Cairo");
    // Egypt springs forward at 00:00 on the last Friday of April: midnight does not exist.
    LocalDate change = LocalDate.of(2026, 4, 24);
    FireSchedule midnight = FireSchedule.parse("00:00", cairo, null);

    List<Instant> fires =
        fires(
            midnight,
            change.minusDays(2).atStartOfDay(cairo).toInstant(),
            change.plusDays(2).atStartOfDay(cairo).toInstant());

    assertThat(fires.stream().map(at -> at.atZone(cairo).toLocalDate()))
        .containsExactly(change.minusDays(1), change, change.plusDays(1));
    assertThat(fires.get(1).atZone(cairo).toLocalTime()).isEqualTo(LocalTime.of(1, 0));
  }

  @Test
  void the_fortnight_is_fourteen_days_across_the_new_year_from_the_anchor() {
    ZoneId newYork = ZoneId.of("America/New_York");
    FireSchedule fortnightly = FireSchedule.parse("fortnightly 09:00", newYork, ANCHOR);

    List<Instant> fires =
        fires(
            fortnightly,
            Instant.parse("2026-12-14T00:00:00Z"),
            Instant.parse("2027-01-25T00:00:00Z"));

    assertThat(fires)
        .containsExactly(
            local("2026-12-21T09:00", newYork),
            local("2027-01-04T09:00", newYork),
            local("2027-01-18T09:00", newYork));
    // ISO week parity would have fired on 2026-12-28 (week 53) and 2027-01-04 (week 1).
    assertThat(fortnightly.nextAfter(local("2026-12-27T00:00", newYork)))
        .isEqualTo(local("2027-01-04T09:00", newYork));
    assertThat(fortnightly.nextAfter(local("2027-01-04T09:00", newYork)))
        .isEqualTo(local("2027-01-18T09:00", newYork));
  }

  @Test
  void an_overdue_execution_stands_for_the_latest_fire_at_or_before_it() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    FireSchedule daily = FireSchedule.parse("06:00", berlin, null);

    assertThat(daily.latestAtOrBefore(local("2026-03-10T06:00", berlin)))
        .isEqualTo(local("2026-03-10T06:00", berlin));
    assertThat(daily.latestAtOrBefore(local("2026-03-10T05:59", berlin)))
        .isEqualTo(local("2026-03-09T06:00", berlin));
  }

  private static List<Instant> firesOn(FireSchedule schedule, LocalDate date) {
    ZoneId zone = schedule.zone();
    Instant start = date.atStartOfDay(zone).toInstant();
    List<Instant> fires = new ArrayList<>();
    fires.add(start);
    fires.addAll(fires(schedule, start, date.plusDays(1).atStartOfDay(zone).toInstant()));
    return fires;
  }

  private static Instant local(String dateTime, ZoneId zone) {
    return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
  }
}
