package com.gymops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.policy.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsSegmentsTest {

  @ParameterizedTest(name = "{0} x ''{1}'' is {2} in {3} segment(s) of {4} units")
  @CsvSource({
    "160, a, GSM_7, 1, 160",
    "161, a, GSM_7, 2, 161",
    "306, a, GSM_7, 2, 306",
    "307, a, GSM_7, 3, 307",
    "70, Ж, UCS_2, 1, 70",
    "71, Ж, UCS_2, 2, 71",
    "134, Ж, UCS_2, 2, 134",
    "135, Ж, UCS_2, 3, 135",
    "80, €, GSM_7, 1, 160",
    "81, €, GSM_7, 2, 162",
    "80, '{', GSM_7, 1, 160",
    "81, '}', GSM_7, 2, 162",
    "160, é, GSM_7, 1, 160",
  })
  void counts_segments_at_the_single_and_concatenated_limits(
      int repeat, String character, Encoding encoding, int segments, int units) {
    SmsSegments counted = SmsSegments.of(character.repeat(repeat));

    assertThat(counted).isEqualTo(new SmsSegments(encoding, segments, units));
  }

  @Test
  void an_extension_character_is_never_split_across_two_segments() {
    // 152 + 2 + 152 = 306 septets, which would fit two segments of 153 if the euro could be split.
    String text = "a".repeat(152) + "€" + "a".repeat(152);

    assertThat(SmsSegments.of(text)).isEqualTo(new SmsSegments(Encoding.GSM_7, 3, 306));
  }

  @Test
  void a_surrogate_pair_is_never_split_across_two_segments() {
    // 66 + 2 + 66 = 134 code units, which would fit two segments of 67 if the emoji could be split.
    String text = "Ж".repeat(66) + "\uD83D\uDCAA" + "Ж".repeat(66);

    assertThat(SmsSegments.of(text)).isEqualTo(new SmsSegments(Encoding.UCS_2, 3, 134));
  }

  @Test
  void one_curly_apostrophe_turns_the_whole_text_into_ucs2() {
    assertThat(SmsSegments.of("We\u2019re open 24/7").encoding()).isEqualTo(Encoding.UCS_2);
    assertThat(SmsSegments.of("We're open 24/7").encoding()).isEqualTo(Encoding.GSM_7);
  }

  @Test
  void an_emoji_counts_two_code_units() {
    assertThat(SmsSegments.of("Go \uD83D\uDCAA").units()).isEqualTo(5);
  }

  @Test
  void an_empty_text_is_billed_as_one_segment() {
    assertThat(SmsSegments.of("")).isEqualTo(new SmsSegments(Encoding.GSM_7, 1, 0));
  }

  @Test
  void gsm7_covers_the_basic_alphabet_and_the_extension_table() {
    assertThat(SmsSegments.isGsm7("Hi @all: £5, ¥5, $5! ÄÖÑÜ§¿ äöñüà ^{}\\[~]|€")).isTrue();
    assertThat(SmsSegments.isGsm7("ç")).isFalse();
  }
}
