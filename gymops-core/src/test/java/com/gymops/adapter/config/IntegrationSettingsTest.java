package com.gymops.adapter.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.config.DoorSettings;
import com.gymops.config.MessagingSettings;
import com.gymops.config.SmtpSettings;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntegrationSettingsTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final Map<String, String> TWILIO =
      Map.of(
          "TWILIO_ACCOUNT_SID", "AC1",
          "TWILIO_AUTH_TOKEN", "token",
          "TWILIO_MESSAGING_SERVICE_SID", "MG1",
          "TWILIO_BASE_URL", "http://127.0.0.1:9999/");

  @Test
  void twilios_variables_choose_twilio_when_the_file_does_not_choose() {
    MessagingSettings messaging = ConfigLoader.parse("", TWILIO, UTC).messaging();

    assertThat(messaging.smsProvider()).isEqualTo("twilio");
    assertThat(messaging.twilio().messagingServiceSid()).isEqualTo("MG1");
    assertThat(messaging.twilio().from()).isNull();
    assertThat(messaging.twilio().baseUrl()).isEqualTo("http://127.0.0.1:9999");
    assertThat(messaging.twilio().toString()).doesNotContain("token");
  }

  @Test
  void without_twilios_variables_texts_go_to_the_log() {
    assertThat(ConfigLoader.parse("", Map.of(), UTC).messaging().smsProvider()).isEqualTo("log");
  }

  @Test
  void an_explicit_choice_in_the_file_wins_over_the_variables() {
    MessagingSettings messaging =
        ConfigLoader.parse("messaging: {sms_provider: log}", TWILIO, UTC).messaging();

    assertThat(messaging.smsProvider()).isEqualTo("log");
    assertThat(messaging.twilio()).isNull();
  }

  @Test
  void smtp_port_follows_the_security_unless_set() {
    SmtpSettings tls =
        ConfigLoader.parse(
                "messaging: {email_provider: smtp, smtp: {host: mail.example.com, security: tls,"
                    + " from: gym@example.com}}",
                Map.of(),
                UTC)
            .messaging()
            .smtp();

    assertThat(tls.port()).isEqualTo(465);
    assertThat(tls.username()).isNull();
    assertThat(tls.password()).isNull();
  }

  @Test
  void the_builtin_door_system_is_the_default() {
    assertThat(ConfigLoader.parse("", Map.of(), UTC).door()).isEqualTo(DoorSettings.BUILTIN);
  }
}
