package com.gymops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DeliveryTimingProperties {
  private static final Duration MAX_DEFERRAL = Duration.ofHours(25);

  @Property(tries = 2000)
  void the_delivery_time_is_inside_the_window_not_before_now_and_within_25_hours(
      @ForAll("instants") Instant now,
      @ForAll("zones") ZoneId zone,
      @ForAll("windows") SendingWindow window) {
    Instant at = DeliveryTiming.nextDeliveryAt(now, zone, window);

    assertThat(DeliveryTiming.isInside(at, zone, window)).isTrue();
    assertThat(at).isAfterOrEqualTo(now).isBefore(now.plus(MAX_DEFERRAL));
  }

  @Property(tries = 1000)
  void a_time_inside_the_window_is_delivered_at_once(
      @ForAll("instants") Instant now, @ForAll("zones") ZoneId zone) {
    Instant at = DeliveryTiming.nextDeliveryAt(now, zone, SendingWindow.DEFAULT);

    assertThat(at.equals(now)).isEqualTo(DeliveryTiming.isInside(now, zone, SendingWindow.DEFAULT));
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(
            Instant.parse("2020-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("2035-12-31T00:00:00Z").getEpochSecond())
        .map(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(
            "America/New_York",
            "America/Los_Angeles",
            "America/Phoenix",
            "Europe/London",
            "Australia/Sydney",
            "Australia/Lord_Howe",
            "Asia/Kolkata",
            "UTC")
        .map(ZoneId::of);
  }

  /**
   * Windows longer than an hour, so a DST gap (one hour at most in these zones) never swallows a
   * whole day's window; the default 08:00-20:00 included.
   */
  @Provide
  Arbitrary<SendingWindow> windows() {
    Arbitrary<SendingWindow> generated =
        Arbitraries.integers()
            .between(0, 24 * 60 - 1 - 61)
            .flatMap(
                start ->
                    Arbitraries.integers()
                        .between(61, 24 * 60 - 1 - start)
                        .map(
                            length ->
                                new SendingWindow(
                                    LocalTime.MIN.plusMinutes(start),
                                    LocalTime.MIN.plusMinutes(start + length))));
    return Arbitraries.oneOf(generated, Arbitraries.just(SendingWindow.DEFAULT));
  }
}
