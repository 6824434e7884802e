package com.gymops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryTimingTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final SendingWindow DEFAULT = SendingWindow.DEFAULT;
  private static final Recipient SOMEONE_IN_NEW_YORK = Recipient.in(NEW_YORK);

  /**
   * The DST cases test the mechanics with windows no law allows (02:30...), so they run on the
   * mechanics alone, a window every day.
   */
  private static DeliveryTiming.DailyWindow every(SendingWindow window) {
    return date -> Optional.of(window);
  }

  private static Instant newYork(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
  }

  @ParameterizedTest(name = "planned at {0}, delivered at {1}")
  @CsvSource({
    "2026-06-15T00:00, 2026-06-15T08:00",
    "2026-06-15T06:00, 2026-06-15T08:00",
    "2026-06-15T07:59, 2026-06-15T08:00",
    "2026-06-15T08:00, 2026-06-15T08:00",
    "2026-06-15T12:34:56, 2026-06-15T12:34:56",
    "2026-06-15T19:59, 2026-06-15T19:59",
    "2026-06-15T19:59:59.999, 2026-06-15T19:59:59.999",
    "2026-06-15T20:00, 2026-06-16T08:00",
    "2026-06-15T23:30, 2026-06-16T08:00",
    "2026-12-31T21:00, 2027-01-01T08:00",
  })
  void delivers_inside_the_window_or_at_its_next_opening(String planned, String delivered) {
    Instant at = DeliveryTiming.nextDeliveryAt(newYork(planned), SOMEONE_IN_NEW_YORK, DEFAULT);

    assertThat(at).isEqualTo(newYork(delivered));
  }

  @ParameterizedTest(name = "{0} is inside: {1}")
  @CsvSource({
    "2026-06-15T07:59:59, false",
    "2026-06-15T08:00, true",
    "2026-06-15T19:59:59, true",
    "2026-06-15T20:00, false",
  })
  void the_window_includes_its_start_and_excludes_its_end(String local, boolean inside) {
    assertThat(DeliveryTiming.isInside(newYork(local), SOMEONE_IN_NEW_YORK, DEFAULT))
        .isEqualTo(inside);
  }

  @Test
  void reads_the_window_in_the_club_zone_not_in_utc() {
    Instant utcMorning = Instant.parse("2026-06-15T09:00:00Z"); // 05:00 in New York

    assertThat(DeliveryTiming.nextDeliveryAt(utcMorning, SOMEONE_IN_NEW_YORK, DEFAULT))
        .isEqualTo(Instant.parse("2026-06-15T12:00:00Z"));
  }

  @Test
  void opens_at_eight_daylight_time_the_morning_the_clocks_spring_forward() {
    Instant evening = newYork("2026-03-07T21:00"); // EST, UTC-5

    assertThat(DeliveryTiming.nextDeliveryAt(evening, SOMEONE_IN_NEW_YORK, DEFAULT))
        .isEqualTo(Instant.parse("2026-03-08T12:00:00Z")); // 08:00 EDT, UTC-4
  }

  @Test
  void opens_at_eight_standard_time_the_morning_the_clocks_fall_back() {
    Instant evening = newYork("2026-10-31T20:00"); // EDT

    assertThat(DeliveryTiming.nextDeliveryAt(evening, SOMEONE_IN_NEW_YORK, DEFAULT))
        .isEqualTo(Instant.parse("2026-11-01T13:00:00Z")); // 08:00 EST
  }

  @Test
  void an_opening_inside_the_spring_gap_moves_to_the_end_of_the_gap() {
    SendingWindow window = new SendingWindow(LocalTime.of(2, 30), LocalTime.of(20, 0));
    Instant night = newYork("2026-03-08T01:00"); // 02:00-03:00 does not exist that night

    Instant at = DeliveryTiming.nextOpening(night, NEW_YORK, every(window));

    assertThat(at).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
    assertThat(at.atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(3, 0));
  }

  @Test
  void a_window_lying_wholly_in_the_spring_gap_opens_the_next_day() {
    SendingWindow window = new SendingWindow(LocalTime.of(2, 10), LocalTime.of(2, 50));

    Instant at = DeliveryTiming.nextOpening(newYork("2026-03-07T03:00"), NEW_YORK, every(window));

    assertThat(at).isEqualTo(newYork("2026-03-09T02:10"));
  }

  @Test
  void an_opening_that_happens_twice_in_the_autumn_takes_the_first_not_before_now() {
    SendingWindow window = new SendingWindow(LocalTime.of(1, 30), LocalTime.of(20, 0));
    ZonedDateTime firstOneFifteen = ZonedDateTime.parse("2026-11-01T01:15-04:00[America/New_York]");
    ZonedDateTime secondOneFifteen =
        ZonedDateTime.parse("2026-11-01T01:15-05:00[America/New_York]");

    assertThat(DeliveryTiming.nextOpening(firstOneFifteen.toInstant(), NEW_YORK, every(window)))
        .isEqualTo(Instant.parse("2026-11-01T05:30:00Z")); // 01:30 EDT
    assertThat(DeliveryTiming.nextOpening(secondOneFifteen.toInstant(), NEW_YORK, every(window)))
        .isEqualTo(Instant.parse("2026-11-01T06:30:00Z")); // 01:30 EST
  }
}
