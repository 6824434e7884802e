package com.gymops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.Club;
import com.gymops.domain.ClubId;
import com.gymops.domain.UsState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextingHoursTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final SendingWindow WIDE =
      new SendingWindow(LocalTime.of(7, 0), LocalTime.of(22, 0));

  @ParameterizedTest(name = "{0} on {1}: {2}-{3}")
  @CsvSource({
    // 2026-12-07 is a Monday, 2026-12-05 a Saturday, 2026-12-06 a Sunday
    "CT, 2026-12-07, 09:00, 20:00",
    "CT, 2026-12-06, 09:00, 20:00",
    "RI, 2026-12-07, 09:00, 18:00",
    "RI, 2026-12-05, 10:00, 17:00",
    "RI, 2026-12-06, 10:00, 17:00",
    "TX, 2026-12-05, 09:00, 21:00",
    "TX, 2026-12-06, 12:00, 21:00",
    "FL, 2026-12-07, 08:00, 20:00",
    "KY, 2026-12-07, 10:00, 21:00",
    "NV, 2026-12-07, 09:00, 20:00",
    "CA, 2026-12-07, 08:00, 21:00",
    "CA, 2026-12-06, 08:00, 21:00",
  })
  void the_window_is_the_strictest_of_federal_state_and_club(
      String state, LocalDate date, LocalTime start, LocalTime end) {
    assertThat(TextingHours.on(date, new UsState(state), WIDE))
        .contains(new SendingWindow(start, end));
  }

  @Test
  void the_club_setting_narrows_a_state_rule() {
    SendingWindow club = new SendingWindow(LocalTime.of(10, 30), LocalTime.of(19, 0));

    assertThat(TextingHours.on(LocalDate.parse("2026-12-07"), new UsState("TX"), club))
        .contains(club);
  }

  @Test
  void an_unknown_state_gets_the_federal_hours_within_the_club_setting() {
    assertThat(TextingHours.on(LocalDate.parse("2026-12-07"), null, WIDE))
        .contains(new SendingWindow(LocalTime.of(8, 0), LocalTime.of(21, 0)));
  }

  @Test
  void a_state_that_forbids_holidays_has_no_window_on_one() {
    LocalDate thanksgiving = LocalDate.parse("2026-11-26");
    LocalDate independenceObserved = LocalDate.parse("2026-07-03"); // July 4th is a Saturday

    assertThat(TextingHours.on(thanksgiving, new UsState("AL"), WIDE)).isEmpty();
    assertThat(TextingHours.on(independenceObserved, new UsState("LA"), WIDE)).isEmpty();
    assertThat(TextingHours.on(thanksgiving, new UsState("CT"), WIDE)).isPresent();
  }

  @Test
  void a_club_window_outside_the_federal_hours_is_recognised() {
    assertThat(
            TextingHours.overlapsFederalHours(
                new SendingWindow(LocalTime.of(21, 0), LocalTime.of(23, 0))))
        .isFalse();
    assertThat(TextingHours.overlapsFederalHours(SendingWindow.DEFAULT)).isTrue();
  }

  @Test
  void a_text_to_connecticut_at_eight_waits_for_nine_in_the_members_zone() {
    Recipient member = new Recipient(new UsState("CT"), NEW_YORK);
    Instant eight = LocalDateTime.parse("2026-12-07T08:00").atZone(NEW_YORK).toInstant();

    assertThat(DeliveryTiming.nextDeliveryAt(eight, member, SendingWindow.DEFAULT))
        .isEqualTo(LocalDateTime.parse("2026-12-07T09:00").atZone(NEW_YORK).toInstant());
  }

  @Test
  void a_texan_on_sunday_morning_is_texted_at_noon_central_time() {
    Recipient member = new Recipient(new UsState("TX"), CHICAGO);
    Instant sundayMorning = LocalDateTime.parse("2026-12-06T09:30").atZone(CHICAGO).toInstant();

    assertThat(DeliveryTiming.nextDeliveryAt(sundayMorning, member, SendingWindow.DEFAULT))
        .isEqualTo(LocalDateTime.parse("2026-12-06T12:00").atZone(CHICAGO).toInstant());
  }

  @Test
  void the_address_state_comes_first_then_the_area_code_then_the_club() {
    Club club = new Club(new ClubId("nyc"), "NYC", NEW_YORK, null, null, null, new UsState("NY"));

    assertThat(Recipient.locate(new UsState("TX"), "+12125550100", club))
        .isEqualTo(new Recipient(new UsState("TX"), CHICAGO));
    assertThat(Recipient.locate(null, "+15125550100", club))
        .isEqualTo(new Recipient(new UsState("TX"), CHICAGO));
    assertThat(Recipient.locate(null, null, club))
        .isEqualTo(new Recipient(new UsState("NY"), NEW_YORK));
    assertThat(
            Recipient.locate(
                null, "+442079460000", new Club(new ClubId("nyc"), "NYC", NEW_YORK, null, null)))
        .isEqualTo(Recipient.in(NEW_YORK));
  }

  @Test
  void the_area_code_zone_is_used_when_it_lies_in_the_members_state() {
    Club club = new Club(new ClubId("nyc"), "NYC", NEW_YORK, null, null, null, null);

    Recipient elPaso = Recipient.locate(new UsState("TX"), "+19155550100", club);

    assertThat(elPaso.zone()).isEqualTo(ZoneId.of("America/Denver"));
    assertThat(Optional.ofNullable(elPaso.state())).contains(new UsState("TX"));
  }
}
