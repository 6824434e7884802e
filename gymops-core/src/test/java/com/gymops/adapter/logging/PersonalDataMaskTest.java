package com.gymops.adapter.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class PersonalDataMaskTest {
  @Test
  void masks_an_e164_phone_number_but_its_country_code_and_last_two_digits() {
    assertThat(PersonalDataMask.apply("texted +12125550167 (twilio SM123)"))
        .isEqualTo("texted +1********67 (twilio SM123)");
  }

  @Test
  void masks_north_american_numbers_written_with_separators() {
    assertThat(PersonalDataMask.apply("call (212) 555-0167 or 212.555.0100"))
        .isEqualTo("call (***) ***-**67 or ***.***.**00");
  }

  @Test
  void masks_an_email_address_but_its_first_character_and_domain() {
    assertThat(PersonalDataMask.apply("mail to ana.lopez+gym@example.com failed"))
        .isEqualTo("mail to a***@example.com failed");
  }

  @Test
  void leaves_dates_times_amounts_and_ids_alone() {
    String line = "run r-20260310-0001 at 2026-03-10T15:00:00Z: 12 members, $1234.50, 4000 ms";
    assertThat(PersonalDataMask.apply(line)).isEqualTo(line);
  }

  @Test
  void the_log_pattern_masks_every_message_it_writes() {
    LoggingEvent event =
        new LoggingEvent(
            "x",
            new LoggerContext().getLogger("com.gymops.test"),
            Level.WARN,
            "send to {} ({}) failed",
            null,
            new Object[] {"+14155550101", "ana@example.com"});

    assertThat(new MaskedMessageConverter().convert(event))
        .isEqualTo("send to +1********01 (a***@example.com) failed");
  }
}
