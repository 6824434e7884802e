package com.gymops.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The payment rule: what a payment does to a past-due balance and its delinquency. */
class PastDueTest {
  private static final LocalDate SINCE = LocalDate.of(2026, 10, 5);
  private static final PastDue OWED = new PastDue(Money.parse("80.00"), SINCE);

  @Test
  void a_partial_payment_lowers_the_balance_and_keeps_the_first_day_of_the_delinquency() {
    assertThat(OWED.afterPayment(Money.parse("30.00")))
        .isEqualTo(new PastDue(Money.parse("50.00"), SINCE));
  }

  @Test
  void a_payment_of_the_whole_balance_ends_the_delinquency() {
    assertThat(OWED.afterPayment(Money.parse("80.00"))).isEqualTo(new PastDue(Money.ZERO, null));
  }

  @Test
  void an_overpayment_leaves_zero_not_a_credit() {
    assertThat(OWED.afterPayment(Money.parse("120.00"))).isEqualTo(new PastDue(Money.ZERO, null));
  }

  @Test
  void one_cent_short_is_still_past_due_from_the_same_day() {
    assertThat(OWED.afterPayment(Money.parse("79.99")))
        .isEqualTo(new PastDue(Money.parse("0.01"), SINCE));
  }
}
