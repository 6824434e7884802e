package com.gymops.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DemoPhoneNumbersTest {
  private final PhoneNumberUtil libphonenumber = PhoneNumberUtil.getInstance();

  @Test
  void every_area_code_and_line_range_passes_libphonenumber_for_region_us()
      throws NumberParseException {
    DemoPhoneNumbers phones = new DemoPhoneNumbers(0);
    // 10,000 members reach each of the 270 area codes about 37 times, at scattered lines.
    for (int index = 1; index <= 10_000; index++) {
      String number = phones.numberFor(index);
      assertThat(libphonenumber.isValidNumberForRegion(libphonenumber.parse(number, "US"), "US"))
          .as(number)
          .isTrue();
    }
  }

  @Test
  void numbers_stay_in_the_555_exchange_and_skip_directory_assistance() {
    DemoPhoneNumbers phones = new DemoPhoneNumbers(42);

    assertThat(IntStream.rangeClosed(1, 100_000).mapToObj(phones::numberFor))
        .allSatisfy(
            number -> {
              assertThat(number).matches("\\+1[2-9]\\d{2}555\\d{4}");
              assertThat(number.substring(8)).isNotEqualTo("1212");
              assertThat(Integer.parseInt(number.substring(8))).isGreaterThanOrEqualTo(100);
            });
  }

  @Test
  void the_first_hundred_thousand_members_get_distinct_numbers() {
    DemoPhoneNumbers phones = new DemoPhoneNumbers(-7);
    Set<String> seen = new HashSet<>();

    IntStream.rangeClosed(1, 100_000).forEach(index -> seen.add(phones.numberFor(index)));

    assertThat(seen).hasSize(100_000);
  }
}
