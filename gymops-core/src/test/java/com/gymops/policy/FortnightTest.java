package com.gymops.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FortnightTest {
  private final Fortnight fortnight = Fortnight.of(ReferralRules.DEFAULTS);

  @ParameterizedTest(name = "{0} is a referral day: {1}")
  @CsvSource({
    "2026-01-05, true",
    "2026-01-12, false",
    "2026-01-19, true",
    "2025-12-22, true",
    "2025-12-29, false",
    "2026-12-21, true",
    // ISO week 53 of 2026 and week 1 of 2027 are consecutive odd weeks; the fortnight is not fooled
    "2026-12-28, false",
    "2027-01-04, true",
    "2027-01-11, false",
    "2027-01-18, true",
    "2027-01-05, false",
  })
  void referral_days_are_every_fourteenth_day_from_the_anchor(LocalDate date, boolean expected) {
    assertThat(fortnight.isReferralDay(date)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "next referral day on or after {0} is {1}")
  @CsvSource({
    "2026-12-21, 2026-12-21",
    "2026-12-22, 2027-01-04",
    "2026-12-28, 2027-01-04",
    "2027-01-04, 2027-01-04",
    "2027-01-05, 2027-01-18",
    "2027-01-11, 2027-01-18",
    "2025-12-30, 2026-01-05",
  })
  void the_next_referral_day_crosses_the_year_end_without_skipping_or_doubling(
      LocalDate from, LocalDate expected) {
    assertThat(fortnight.nextOnOrAfter(from)).isEqualTo(expected);
  }

  @Test
  void an_anchor_that_is_not_a_monday_is_refused() {
    assertThatThrownBy(() -> new Fortnight(LocalDate.of(2026, 1, 6)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a Monday");
  }
}
