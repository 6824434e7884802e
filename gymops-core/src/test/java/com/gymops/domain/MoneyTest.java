package com.gymops.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void dollars_say_an_amount_with_thousands_separators_and_two_decimals() {
    assertThat(Money.parse("6488.68").dollars()).isEqualTo("$6,488.68");
    assertThat(Money.parse("1234567.5").dollars()).isEqualTo("$1,234,567.50");
    assertThat(Money.parse("999.99").dollars()).isEqualTo("$999.99");
    assertThat(Money.ZERO.dollars()).isEqualTo("$0.00");
  }

  @Test
  void the_plain_decimal_of_files_and_member_texts_stays_without_separators() {
    assertThat(Money.parse("6488.68").toString()).isEqualTo("6488.68");
  }
}
