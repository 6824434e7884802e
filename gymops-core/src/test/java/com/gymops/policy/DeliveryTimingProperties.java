package com.gymops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.Club;
import com.gymops.domain.ClubId;
import com.gymops.domain.UsState;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * No member text is ever due outside its member's window: random members in every state (by
 * address, by area code or by the club's state), random clubs and windows, instants across years of
 * DST changes. The hours are checked against the rules written out here a second time, not against
 * {@link TextingHours} itself.
 */
class DeliveryTimingProperties {
  private static final List<String> STATES =
      List.of(
          "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
          "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
          "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
          "VT", "VA", "WA", "WV", "WI", "WY");
  private static final List<String> AREA_CODES =
      List.of(
          "212", "203", "860", "401", "512", "713", "305", "702", "502", "313", "612", "907", "808",
          "928", "415", "504", "205", "601", "201", "405", "410", "606", "915", "999");
  private static final List<String> ZONES =
      List.of(
          "America/New_York",
          "America/Chicago",
          "America/Denver",
          "America/Phoenix",
          "America/Los_Angeles",
          "America/Anchorage",
          "Pacific/Honolulu",
          "America/Indiana/Indianapolis");
  private static final Duration MAX_DEFERRAL = Duration.ofDays(5);

  record Case(Instant now, UsState address, String phone, Club club, SendingWindow window) {
    Recipient recipient() {
      return Recipient.locate(address, phone, club);
    }
  }

  @Property(tries = 3000)
  void no_member_text_is_due_outside_its_members_window(@ForAll("cases") Case given) {
    Recipient recipient = given.recipient();

    Instant at = DeliveryTiming.nextDeliveryAt(given.now(), recipient, given.window());

    assertThat(at).isAfterOrEqualTo(given.now()).isBefore(given.now().plus(MAX_DEFERRAL));
    LocalDateTime local = LocalDateTime.ofInstant(at, recipient.zone());
    LocalTime time = local.toLocalTime();
    assertThat(time).isBetween(LocalTime.of(8, 0), LocalTime.of(20, 59, 59, 999_999_999));
    assertThat(given.window().contains(time)).isTrue();
    assertThat(oracle(recipient.state(), local.getDayOfWeek()).contains(time))
        .as("%s in %s at %s", recipient, recipient.state(), local)
        .isTrue();
    if (recipient.state() != null && List.of("AL", "LA").contains(recipient.state().code())) {
      assertThat(UsHolidays.isHoliday(local.toLocalDate())).isFalse();
    }
  }

  @Property(tries = 1000)
  void a_time_inside_the_window_is_delivered_at_once(@ForAll("cases") Case given) {
    Recipient recipient = given.recipient();

    Instant at = DeliveryTiming.nextDeliveryAt(given.now(), recipient, given.window());

    assertThat(at.equals(given.now()))
        .isEqualTo(DeliveryTiming.isInside(given.now(), recipient, given.window()));
  }

  /** The state rules of docs/COMPLIANCE.md, with the federal 08-21 folded in. */
  private static SendingWindow oracle(UsState state, DayOfWeek day) {
    String code = state == null ? "" : state.code();
    boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    return switch (code) {
      case "CT" -> hours(9, 20);
      case "FL", "MD", "MS", "NJ", "OK" -> hours(8, 20);
      case "AL", "LA" -> day == DayOfWeek.SUNDAY ? hours(0, 0) : hours(8, 20);
      case "RI" -> weekend ? hours(10, 17) : hours(9, 18);
      case "TX" -> day == DayOfWeek.SUNDAY ? hours(12, 21) : hours(9, 21);
      case "KY" -> hours(10, 21);
      case "MI", "MN" -> hours(9, 21);
      case "NV" -> hours(9, 20);
      default -> hours(8, 21);
    };
  }

  /** A window; 0-0 stands for a closed day, which contains no time. */
  private static SendingWindow hours(int start, int end) {
    return start == end
        ? new SendingWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT.plusNanos(1))
        : new SendingWindow(LocalTime.of(start, 0), LocalTime.of(end, 0));
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Instant> instants =
        Arbitraries.longs()
            .between(
                Instant.parse("2020-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2035-12-31T00:00:00Z").getEpochSecond())
            .map(Instant::ofEpochSecond);
    Arbitrary<UsState> states = Arbitraries.of(STATES).map(UsState::new);
    Arbitrary<UsState> maybeState = states.injectNull(0.4);
    Arbitrary<String> phones =
        Arbitraries.of(AREA_CODES).map(code -> "+1" + code + "5552671").injectNull(0.1);
    Arbitrary<Club> clubs =
        Combinators.combine(Arbitraries.of(ZONES).map(ZoneId::of), maybeState)
            .as((zone, state) -> new Club(new ClubId("c"), "Club", zone, null, null, null, state));
    Arbitrary<SendingWindow> windows =
        Arbitraries.oneOf(
            Arbitraries.just(SendingWindow.DEFAULT),
            Combinators.combine(
                    Arbitraries.integers().between(0, 12 * 60),
                    Arbitraries.integers().between(13 * 60, 24 * 60 - 1))
                .as(
                    (start, end) ->
                        new SendingWindow(
                            LocalTime.MIN.plusMinutes(start), LocalTime.MIN.plusMinutes(end))));
    return Combinators.combine(instants, maybeState, phones, clubs, windows).as(Case::new);
  }
}
