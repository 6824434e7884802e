package com.gymops.application.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PhoneNormalizerTest {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  @Test
  void reads_a_national_number_in_the_default_region() {
    assertThat(new PhoneNormalizer("US").toE164("(415) 555-2671")).hasValue("+14155552671");
  }

  @Test
  void keeps_an_international_number_in_its_own_country() {
    assertThat(new PhoneNormalizer("US").toE164("+44 20 7946 0958")).hasValue("+442079460958");
  }

  @Test
  void reads_a_national_number_written_with_its_trunk_prefix() {
    assertThat(new PhoneNormalizer("US").toE164("1 415 555 2671")).hasValue("+14155552671");
    assertThat(new PhoneNormalizer("DE").toE164("030 123456")).hasValue("+4930123456");
  }

  @Test
  void finds_nothing_in_an_invalid_number() {
    assertThat(new PhoneNormalizer("US").toE164("555-0100-99")).isEmpty();
  }

  @Test
  void gives_what_libphonenumber_parse_gives_for_every_regions_example_numbers() {
    List<String> disagreements = new ArrayList<>();
    for (String region : new TreeSet<>(PHONES.getSupportedRegions())) {
      PhoneNormalizer normalizer = new PhoneNormalizer(region);
      for (PhoneNumberType type : PHONES.getSupportedTypesForRegion(region)) {
        PhoneNumber example = PHONES.getExampleNumberForType(region, type);
        if (example == null) {
          continue;
        }
        String national = PHONES.getNationalSignificantNumber(example);
        for (String text :
            List.of(
                national,
                PHONES.format(example, PhoneNumberFormat.NATIONAL),
                PHONES.format(example, PhoneNumberFormat.INTERNATIONAL),
                PHONES.format(example, PhoneNumberFormat.E164),
                "+" + example.getCountryCode() + " (" + national + ")",
                PHONES.getNddPrefixForRegion(region, true) + national)) {
          compare(normalizer, region, text, disagreements);
        }
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void gives_what_libphonenumber_parse_gives_for_random_digits() {
    Random random = new Random(20261120);
    List<String> disagreements = new ArrayList<>();
    for (String region : new TreeSet<>(PHONES.getSupportedRegions())) {
      PhoneNormalizer normalizer = new PhoneNormalizer(region);
      for (int i = 0; i < 300; i++) {
        StringBuilder digits = new StringBuilder();
        int length = 4 + random.nextInt(12);
        for (int d = 0; d < length; d++) {
          digits.append((char) ('0' + random.nextInt(10)));
        }
        compare(normalizer, region, digits.toString(), disagreements);
        compare(normalizer, region, "+" + digits, disagreements);
      }
    }
    assertThat(disagreements).isEmpty();
  }

  private static void compare(
      PhoneNormalizer normalizer, String region, String text, List<String> disagreements) {
    if (!normalizer.toE164(text).equals(normalizer.toE164ByParsing(text))) {
      disagreements.add(
          region
              + " '"
              + text
              + "': "
              + normalizer.toE164(text)
              + " but parse gives "
              + normalizer.toE164ByParsing(text));
    }
  }
}
