package com.gymops.adapter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.config.ClubSystemSettings;
import com.gymops.config.ConfigException;
import com.gymops.config.GymOpsConfig;
import com.gymops.config.WebhookSecrets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookAndClubSystemSettingsTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  @Test
  void the_webhook_secrets_come_from_the_environment_and_are_never_printed() {
    GymOpsConfig config =
        ConfigLoader.parse(
            "",
            Map.of(
                "TWILIO_AUTH_TOKEN", "tw-secret",
                "GYMOPS_PAYMENTS_SECRET", "pay-secret",
                "GYMOPS_DOOR_EXPORT_TOKEN", "export-secret"),
            UTC);

    assertThat(config.webhooks().twilio()).contains("tw-secret");
    assertThat(config.webhooks().payments()).contains("pay-secret");
    assertThat(config.webhooks().doorExport()).contains("export-secret");
    assertThat(config.toString())
        .doesNotContain("tw-secret")
        .doesNotContain("pay-secret")
        .doesNotContain("export-secret");
    // The auth token alone (no account SID) checks signatures but does not choose Twilio to send.
    assertThat(config.messaging().smsProvider()).isEqualTo("log");
  }

  @Test
  void without_the_variables_every_webhook_secret_is_unset() {
    WebhookSecrets secrets = ConfigLoader.parse("", Map.of(), UTC).webhooks();

    assertThat(secrets.twilio()).isEmpty();
    assertThat(secrets.payments()).isEmpty();
    assertThat(secrets.doorExport()).isEmpty();
  }

  @Test
  void the_club_system_is_local_unless_http_is_configured_with_its_api() {
    assertThat(ConfigLoader.parse("", Map.of(), UTC).clubSystem())
        .isEqualTo(ClubSystemSettings.LOCAL);

    ClubSystemSettings http =
        ConfigLoader.parse(
                "club_system: {system: http, http: {base_url: 'https://clubs.example.com/api/',"
                    + " page_size: 100, timeout_seconds: 5}}\n",
                Map.of("GYMOPS_CLUB_SYSTEM_TOKEN", "club-secret"),
                UTC)
            .clubSystem();
    assertThat(http.isHttp()).isTrue();
    assertThat(http.http().baseUrl()).isEqualTo("https://clubs.example.com/api");
    assertThat(http.http().pageSize()).isEqualTo(100);
    assertThat(http.http().timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(http.http().token()).isEqualTo("club-secret");
    assertThat(http.toString()).doesNotContain("club-secret");
  }

  @Test
  void an_http_club_system_needs_a_base_url_and_a_known_system() {
    assertThatThrownBy(() -> ConfigLoader.parse("club_system: {system: http}\n", Map.of(), UTC))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("club_system.http.base_url");
    assertThatThrownBy(
            () -> ConfigLoader.parse("club_system: {system: salesforce}\n", Map.of(), UTC))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("club_system.system");
  }

  @Test
  void
      clubhub_defaults_to_the_real_host_takes_its_user_from_the_environment_and_each_clubs_number() {
    GymOpsConfig config =
        ConfigLoader.parse(
            "clubs: [{id: main, club_system_id: '1156', club_system_consent: attested}]\n"
                + "club_system: {system: clubhub}\ndoor: {system: clubhub}\n",
            Map.of(
                "GYMOPS_CLUBHUB_USERNAME", "manager@example.com", "GYMOPS_CLUBHUB_PASSWORD", "pw"),
            UTC);

    ClubSystemSettings clubSystem = config.clubSystem();
    assertThat(clubSystem.isClubHub()).isTrue();
    assertThat(clubSystem.clubhub().baseUrl())
        .isEqualTo("https://clubhub-ios-api.anytimefitness.com");
    assertThat(clubSystem.clubhub().username()).isEqualTo("manager@example.com");
    assertThat(clubSystem.clubhub().pageSize()).isEqualTo(100);
    assertThat(clubSystem.clubNumbers())
        .containsEntry(new com.gymops.domain.ClubId("main"), "1156");
    assertThat(clubSystem.consentAttested()).containsExactly(new com.gymops.domain.ClubId("main"));
    assertThat(config.door().system()).isEqualTo("clubhub");
    assertThat(config.toString()).doesNotContain("pw,").doesNotContain("=pw");
  }

  @Test
  void clubhub_needs_each_clubs_number_and_its_door_needs_clubhub_as_the_club_system() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "clubs: [{id: main}]\nclub_system: {system: clubhub}\n", Map.of(), UTC))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("club_system_id: required when club_system.system is clubhub");
    assertThatThrownBy(() -> ConfigLoader.parse("door: {system: clubhub}\n", Map.of(), UTC))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("door.system: clubhub needs club_system.system: clubhub");
  }

  @Test
  void abc_defaults_to_the_real_host_and_takes_its_keys_from_the_environment_never_printed() {
    GymOpsConfig config =
        ConfigLoader.parse(
            "clubs: [{id: main, club_system_id: '30053'}]\nclub_system: {system: abc}\n",
            Map.of("GYMOPS_ABC_APP_ID", "app-7", "GYMOPS_ABC_APP_KEY", "key-secret"),
            UTC);

    ClubSystemSettings clubSystem = config.clubSystem();
    assertThat(clubSystem.isAbc()).isTrue();
    assertThat(clubSystem.abc().baseUrl()).isEqualTo("https://api.abcfinancial.com/rest");
    assertThat(clubSystem.abc().appId()).isEqualTo("app-7");
    assertThat(clubSystem.abc().appKey()).isEqualTo("key-secret");
    assertThat(clubSystem.abc().attempts()).isEqualTo(4);
    assertThat(clubSystem.clubNumbers())
        .containsEntry(new com.gymops.domain.ClubId("main"), "30053");
    assertThat(config.toString()).doesNotContain("key-secret");
  }

  @Test
  void abc_needs_each_clubs_number_and_never_takes_its_key_from_the_file() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "clubs: [{id: main}]\nclub_system: {system: abc}\n", Map.of(), UTC))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("club_system_id: required when club_system.system is abc");
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "clubs: [{id: main, club_system_id: '1'}]\n"
                        + "club_system: {system: abc, abc: {app_key: k}}\n",
                    Map.of(),
                    UTC))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("GYMOPS_ABC_APP_KEY");
  }
}
