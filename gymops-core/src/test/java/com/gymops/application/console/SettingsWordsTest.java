package com.gymops.application.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class SettingsWordsTest {
  @Test
  void schedules_read_as_words_in_the_clubs_time() {
    assertThat(SettingsWords.schedule("hourly")).isEqualTo("every hour");
    assertThat(SettingsWords.schedule("06:00")).isEqualTo("every day at 6 am");
    assertThat(SettingsWords.schedule("monthly 1 07:30"))
        .isEqualTo("on day 1 of each month at 7:30 am");
    assertThat(SettingsWords.schedule("fortnightly 9:00"))
        .isEqualTo("every other week (the referral weeks) at 9 am");
  }

  @Test
  void times_and_durations_carry_their_units_never_iso() {
    assertThat(SettingsWords.time(LocalTime.of(20, 0))).isEqualTo("8 pm");
    assertThat(SettingsWords.time(LocalTime.NOON)).isEqualTo("noon");
    assertThat(SettingsWords.duration(Duration.ofHours(72))).isEqualTo("72 hours");
    assertThat(SettingsWords.duration(Duration.ofDays(7))).isEqualTo("7 days");
    assertThat(SettingsWords.duration(Duration.ofMinutes(90))).isEqualTo("90 minutes");
    assertThat(SettingsWords.duration(Duration.ofHours(1))).isEqualTo("1 hour");
  }
}
