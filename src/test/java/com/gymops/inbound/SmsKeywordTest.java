package com.gymops.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmsKeywordTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "STOP",
        "stop",
        " Stop ",
        "STOPALL",
        "unsubscribe",
        "CANCEL",
        "end",
        "QUIT",
        "revoke",
        "OptOut"
      })
  void opt_out_words(String body) {
    assertThat(SmsKeyword.of(body)).isEqualTo(SmsKeyword.OPT_OUT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"START", "start ", "Unstop"})
  void opt_in_words(String body) {
    assertThat(SmsKeyword.of(body)).isEqualTo(SmsKeyword.OPT_IN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"help", " HELP"})
  void help(String body) {
    assertThat(SmsKeyword.of(body)).isEqualTo(SmsKeyword.HELP);
  }

  @ParameterizedTest
  @ValueSource(strings = {"please stop", "STOP it", "", "thanks", "  "})
  void anything_else_is_not_a_keyword(String body) {
    assertThat(SmsKeyword.of(body)).isEqualTo(SmsKeyword.OTHER);
  }
}
