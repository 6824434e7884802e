package com.gymops.adapter.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.config.ClubSettings;
import com.gymops.config.DoorSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.config.SmtpSettings;
import com.gymops.domain.ClubId;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Keeps the example written by {@code gymops init} in step with the loader's defaults. */
class ExampleConfigTest {
  private static final ZoneId SYSTEM_ZONE = ZoneId.of("UTC");

  @Test
  void the_example_parses_and_yields_exactly_the_default_config() {
    GymOpsConfig example = ConfigLoader.parse(ConfigLoader.exampleYaml(), Map.of(), SYSTEM_ZONE);
    GymOpsConfig defaults = ConfigLoader.load(Optional.empty(), Map.of(), SYSTEM_ZONE);

    assertThat(example.database()).isEqualTo(defaults.database());
    assertThat(example.messaging()).isEqualTo(defaults.messaging());
    assertThat(example.agent()).isEqualTo(defaults.agent());
    assertThat(example.clubs()).hasSize(1);
    ClubSettings exampleClub = example.clubs().get(0);
    ClubSettings defaultClub = defaults.clubs().get(0);
    assertThat(exampleClub.policy()).isEqualTo(defaultClub.policy());
    assertThat(exampleClub.workflows()).isEqualTo(defaultClub.workflows());
    assertThat(exampleClub.club().id()).isEqualTo(new ClubId("main"));
    assertThat(exampleClub.club().name()).isEqualTo(defaultClub.club().name());
    assertThat(exampleClub.club().zone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(exampleClub.club().managerPhone()).isNull();
    assertThat(exampleClub.club().managerEmail()).isNull();
  }

  @Test
  void the_example_shows_every_setting_the_loader_knows() {
    List<String> problems = new ArrayList<>();
    ConfigNode root = ConfigNode.root(ConfigLoader.readTree(ConfigLoader.exampleYaml()), problems);
    new ConfigBinder(Map.of(), SYSTEM_ZONE, problems).bind(root);

    // Optional settings without a default are shown commented out, and a club repeats sections
    // only to override them.
    assertThat(root.absentKnownKeys())
        .filteredOn(path -> !path.startsWith("clubs[0].") || !isPerClubOverride(path))
        .containsExactlyInAnyOrder(
            "database.url",
            "database.user",
            "agent.mode",
            "agent.base_url",
            "clubs[0].front_desk_phone",
            "clubs[0].manager",
            "clubs[0].manager.phone",
            "clubs[0].manager.email",
            "clubs[0].manager.slack_webhook_url_env",
            "clubs[0].manager.teams_webhook_url_env",
            "clubs[0].state",
            "messaging.sms_provider",
            "messaging.public_base_url",
            "messaging.pay_link",
            "server.public_url",
            "server.run_lease",
            "messaging.smtp",
            "messaging.smtp.host",
            "messaging.smtp.port",
            "messaging.smtp.security",
            "messaging.smtp.username",
            "messaging.smtp.from",
            "messaging.smtp.timeout_seconds",
            "door.http",
            "door.http.suspend",
            "door.http.suspend.method",
            "door.http.suspend.url",
            "door.http.suspend.body",
            "door.http.restore",
            "door.http.restore.method",
            "door.http.restore.url",
            "door.http.restore.body",
            "door.http.headers",
            "door.http.timeout_seconds",
            "door.http.attempts",
            "door.kisi",
            "door.kisi.base_url",
            "door.kisi.match",
            "door.kisi.page_size",
            "door.kisi.timeout_seconds",
            "door.kisi.attempts",
            "door.brivo",
            "door.brivo.base_url",
            "door.brivo.token_url",
            "door.brivo.match",
            "door.brivo.page_size",
            "door.brivo.timeout_seconds",
            "door.brivo.attempts",
            "door.openpath",
            "door.openpath.base_url",
            "door.openpath.org_id",
            "door.openpath.match",
            "door.openpath.page_size",
            "door.openpath.timeout_seconds",
            "door.openpath.attempts",
            "club_system.http",
            "club_system.http.base_url",
            "club_system.http.page_size",
            "club_system.http.timeout_seconds",
            "clubs[0].club_system_id",
            "clubs[0].club_system_consent",
            "club_system.clubhub",
            "club_system.clubhub.base_url",
            "club_system.clubhub.page_size",
            "club_system.clubhub.timeout_seconds",
            "club_system.clubhub.attempts",
            "club_system.abc",
            "club_system.abc.base_url",
            "club_system.abc.timeout_seconds",
            "club_system.abc.attempts",
            "payments.stripe",
            "payments.stripe.base_url",
            "payments.stripe.tolerance_seconds",
            "payments.square",
            "payments.square.base_url",
            "payments.square.notification_url",
            "payments.square.version",
            "payments.square.location_id");
  }

  @Test
  void every_commented_out_setting_of_the_example_is_valid_when_uncommented() {
    String uncommented =
        ConfigLoader.exampleYaml()
            .replace("# front_desk_phone:", "front_desk_phone:")
            .replace("# manager:", "manager:")
            .replace("#   phone:", "  phone:")
            .replace("#   email:", "  email:")
            .replace("# access:", "access:")
            .replace("#   grace_period_days:", "  grace_period_days:")
            .replace("# url:", "url:")
            .replace("# user:", "user:");

    GymOpsConfig config = ConfigLoader.parse(uncommented, Map.of(), SYSTEM_ZONE);

    assertThat(config.database().jdbcUrl()).isPresent();
    assertThat(config.clubs().get(0).club().managerEmail()).isEqualTo("manager@example.com");
    assertThat(config.clubs().get(0).club().frontDeskPhone()).isEqualTo("+12125551299");
    assertThat(config.clubs().get(0).policy().access().gracePeriodDays()).isEqualTo(5);
  }

  @Test
  void the_commented_out_integration_settings_are_valid_when_uncommented() {
    String uncommented =
        ConfigLoader.exampleYaml()
            .replace("# sms_provider: log", "sms_provider: twilio")
            .replace("email_provider: log", "email_provider: smtp")
            .replace("system: builtin", "system: http")
            .replace("# public_base_url:", "public_base_url:")
            .replace("# smtp:", "smtp:")
            .replace("# http:", "http:")
            .replaceAll("#   (host|port|security|username|from|timeout_seconds):", "  $1:")
            .replaceAll("#   (attempts|headers|suspend|restore):", "  $1:");
    Map<String, String> env =
        Map.of(
            "TWILIO_ACCOUNT_SID", "AC1",
            "TWILIO_AUTH_TOKEN", "secret",
            "TWILIO_FROM", "+15005550006",
            "GYMOPS_SMTP_PASSWORD", "mail-secret",
            "GYMOPS_DOOR_TOKEN", "door-secret");

    GymOpsConfig config = ConfigLoader.parse(uncommented, env, SYSTEM_ZONE);

    assertThat(config.messaging().twilio().from()).isEqualTo("+15005550006");
    assertThat(config.messaging().publicBaseUrl()).isEqualTo("https://gymops.example.com");
    assertThat(config.messaging().smtp())
        .isEqualTo(
            new SmtpSettings(
                "smtp.example.com",
                587,
                SmtpSettings.Security.STARTTLS,
                "gymops@example.com",
                "mail-secret",
                "Main Club <gymops@example.com>",
                30));
    assertThat(config.door().http().suspend())
        .isEqualTo(
            new DoorSettings.Call(
                "PATCH",
                "https://api.kisi.io/users/{external_id}",
                "{\"user\": {\"access_enabled\": false}}"));
    assertThat(config.door().http().token()).isEqualTo("door-secret");
    assertThat(config.door().http().headers()).containsEntry("Content-Type", "application/json");
    assertThat(config.toString()).doesNotContain("secret");
  }

  private static boolean isPerClubOverride(String path) {
    return List.of(
            "messaging", "collections", "access", "escalation", "referral", "invoices", "campaigns")
        .stream()
        .anyMatch(section -> path.startsWith("clubs[0]." + section));
  }
}
