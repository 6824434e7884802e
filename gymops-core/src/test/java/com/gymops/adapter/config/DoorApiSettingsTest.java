package com.gymops.adapter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.config.ConfigException;
import com.gymops.config.DoorSettings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code door.system: kisi | brivo | openpath} and their sections. */
class DoorApiSettingsTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  private static DoorSettings door(String yaml, Map<String, String> env) {
    return ConfigLoader.parse(yaml, env, UTC).door();
  }

  @Test
  void kisi_defaults_to_the_real_host_and_takes_its_key_from_the_environment_never_printed() {
    DoorSettings door =
        door("door: {system: kisi}\n", Map.of(DoorSettings.KISI_API_KEY_ENV, "kisi-secret"));

    assertThat(door.system()).isEqualTo("kisi");
    assertThat(door.api().baseUrl()).isEqualTo("https://api.kisi.io");
    assertThat(door.api().key()).isEqualTo("kisi-secret");
    assertThat(door.api().match()).isEqualTo(DoorSettings.Match.EMAIL);
    assertThat(door.api().attempts()).isEqualTo(4);
    assertThat(door.api().missingSecrets()).isEmpty();
    assertThat(door.callsOut()).isTrue();
    assertThat(door.toString()).doesNotContain("kisi-secret");
  }

  @Test
  void brivo_reads_its_hosts_and_five_secrets_and_names_the_missing_ones() {
    DoorSettings door =
        door(
            "door:\n  system: brivo\n  brivo:\n    base_url: http://127.0.0.1:9/\n"
                + "    token_url: http://127.0.0.1:9/oauth/token\n    match: club_system_id\n"
                + "    page_size: 50\n    timeout_seconds: 3\n"
                + "club_system: {system: http, http: {base_url: 'https://clubs.example.com'}}\n",
            Map.of(
                DoorSettings.BRIVO_CLIENT_ID_ENV, "client",
                DoorSettings.BRIVO_CLIENT_SECRET_ENV, "client-secret",
                DoorSettings.BRIVO_API_KEY_ENV, "api-key-secret"));

    assertThat(door.api().baseUrl()).isEqualTo("http://127.0.0.1:9");
    assertThat(door.api().tokenUrl()).isEqualTo("http://127.0.0.1:9/oauth/token");
    assertThat(door.api().match()).isEqualTo(DoorSettings.Match.CLUB_SYSTEM_ID);
    assertThat(door.api().pageSize()).isEqualTo(50);
    assertThat(door.api().timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(door.api().missingSecrets())
        .containsExactly(DoorSettings.BRIVO_USERNAME_ENV, DoorSettings.BRIVO_PASSWORD_ENV);
    assertThat(door.toString()).doesNotContain("client-secret", "api-key-secret");
    assertThat(door("door: {system: brivo}\n", Map.of()).api().tokenUrl())
        .isEqualTo("https://auth.brivo.com/oauth/token");
  }

  @Test
  void openpath_needs_its_org_id_and_takes_its_login_from_the_environment() {
    DoorSettings door =
        door(
            "door: {system: openpath, openpath: {org_id: 4242}}\n",
            Map.of(
                DoorSettings.OPENPATH_EMAIL_ENV, "bot@example.com",
                DoorSettings.OPENPATH_PASSWORD_ENV, "op-secret"));

    assertThat(door.api().baseUrl()).isEqualTo("https://api.openpath.com");
    assertThat(door.api().orgId()).isEqualTo("4242");
    assertThat(door.api().username()).isEqualTo("bot@example.com");
    assertThat(door.toString()).doesNotContain("op-secret");
  }

  @Test
  void every_problem_of_the_door_sections_is_reported_at_once() {
    assertThatThrownBy(
            () ->
                door(
                    "door:\n  system: openpath\n  openpath: {password: x, base_url: ftp://x}\n"
                        + "  kisi: {match: club_system_id, api_key: k}\n"
                        + "  brivo: {match: badge, attempts: 0}\n",
                    Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("door.openpath.password: ")
        .hasMessageContaining(DoorSettings.OPENPATH_PASSWORD_ENV)
        .hasMessageContaining("door.openpath.base_url: 'ftp://x' is not an http:// or https:// URL")
        .hasMessageContaining("door.openpath.org_id: required when door.system is openpath")
        .hasMessageContaining("door.kisi.api_key: ")
        .hasMessageContaining("door.brivo.match: 'badge' is not one of email, club_system_id")
        .hasMessageContaining("door.brivo.attempts");
  }

  @Test
  void kisi_cannot_match_by_club_system_id_and_no_system_can_without_a_club_system() {
    assertThatThrownBy(
            () ->
                door(
                    "door: {system: kisi, kisi: {match: club_system_id}}\n"
                        + "club_system: {system: http, http: {base_url: 'https://c.example'}}\n",
                    Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("door.kisi.match: Kisi's users carry no external id");
    assertThatThrownBy(
            () -> door("door: {system: brivo, brivo: {match: club_system_id}}\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "door.brivo.match: club_system_id needs a club system that keeps its own ids");
  }
}
