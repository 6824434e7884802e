package com.gymops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierRuleTest {
  private final TierRule rule = new TierRule(ReminderRules.DEFAULTS);

  @ParameterizedTest(name = "${0} after {1} attempts -> {2}")
  @CsvSource({
    "0.01,   0, FRIENDLY",
    "49.99,  0, FRIENDLY",
    "50.00,  0, FIRM",
    "99.99,  0, FIRM",
    "100.00, 0, FINAL",
    "20.00,  1, FRIENDLY",
    "20.00,  2, FIRM",
    "20.00,  3, FIRM",
    "20.00,  4, FINAL",
    "60.00,  4, FINAL",
    "150.00, 1, FINAL",
  })
  void the_more_severe_band_wins_at_each_boundary(
      String amount, int attempts, ReminderTier expected) {
    assertThat(rule.tierFor(Money.parse(amount), attempts)).isEqualTo(expected);
  }
}
