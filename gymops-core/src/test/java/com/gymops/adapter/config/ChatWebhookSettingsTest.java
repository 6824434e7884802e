package com.gymops.adapter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.config.ChatWebhook;
import com.gymops.config.ConfigException;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code manager.slack_webhook_url_env} and {@code manager.teams_webhook_url_env}. */
class ChatWebhookSettingsTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final String SLACK =
      "https://hooks.slack.com/services/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";
  private static final String TEAMS =
      "https://prod-12.westus.logic.azure.com:443/workflows/abc123/triggers/manual/paths/invoke"
          + "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=TopSecretSig";

  private static final String TWO_CLUBS =
      """
      clubs:
        - id: north
          timezone: America/New_York
          manager: {slack_webhook_url_env: NORTH_SLACK}
        - id: south
          timezone: America/New_York
      """;

  @Test
  void the_default_variables_give_every_club_the_same_chats_and_a_named_one_overrides() {
    GymOpsConfig config =
        ConfigLoader.parse(
            TWO_CLUBS,
            Map.of(
                "NORTH_SLACK",
                SLACK,
                ChatWebhook.SLACK_ENV,
                SLACK.replace("Se", "Xx"),
                ChatWebhook.TEAMS_ENV,
                TEAMS),
            UTC);

    assertThat(config.notifications().chats(new ClubId("NORTH")))
        .extracting(ChatWebhook::channel, ChatWebhook::env, ChatWebhook::url)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Channel.SLACK, "NORTH_SLACK", SLACK),
            org.assertj.core.groups.Tuple.tuple(Channel.TEAMS, ChatWebhook.TEAMS_ENV, TEAMS));
    assertThat(config.notifications().chats(new ClubId("south")))
        .extracting(ChatWebhook::env)
        .containsExactly(ChatWebhook.SLACK_ENV, ChatWebhook.TEAMS_ENV);
    assertThat(config.notifications().toString())
        .doesNotContain("SeCrEt", "TopSecretSig", "B0BBBBBBB")
        .contains(
            "https://hooks.slack.com/services/***",
            "https://prod-12.westus.logic.azure.com:443/workflows/***");
  }

  @Test
  void without_the_variables_no_club_has_a_chat() {
    GymOpsConfig config =
        ConfigLoader.parse(
            TWO_CLUBS.replace("manager: {slack_webhook_url_env: NORTH_SLACK}", "manager: {}"),
            Map.of(),
            UTC);

    assertThat(config.notifications().chats(new ClubId("north"))).isEmpty();
  }

  @Test
  void a_named_variable_that_is_not_set_is_a_problem_at_its_key() {
    assertThatThrownBy(() -> ConfigLoader.parse(TWO_CLUBS, Map.of(), UTC))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "clubs[0].manager.slack_webhook_url_env: NORTH_SLACK is not set in the environment");
  }

  @Test
  void a_bad_url_is_named_by_its_variable_and_never_echoed() {
    String plainHttp = SLACK.replace("https://", "http://");
    assertThatThrownBy(() -> ConfigLoader.parse(TWO_CLUBS, Map.of("NORTH_SLACK", plainHttp), UTC))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "NORTH_SLACK (environment): http://hooks.slack.com/services/*** must use https")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SeCrEt", "B0BBBBBBB"));
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    TWO_CLUBS, Map.of("NORTH_SLACK", "hooks.slack.com/services/T0/B0/SeCrEt"), UTC))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("NORTH_SLACK (environment)")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SeCrEt"));
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    TWO_CLUBS, Map.of("NORTH_SLACK", "https://hooks.slack.com"), UTC))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("has no path: copy the whole webhook URL");
  }

  @Test
  void the_url_itself_is_refused_in_the_file() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "clubs: [{id: main, manager: {slack_webhook_url: '" + SLACK + "'}}]\n",
                    Map.of(),
                    UTC))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("clubs[0].manager.slack_webhook_url: the webhook URL is a secret")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SeCrEt"));
  }

  @Test
  void one_club_without_a_clubs_list_takes_the_default_variables() {
    GymOpsConfig config = ConfigLoader.parse("", Map.of(ChatWebhook.TEAMS_ENV, TEAMS), UTC);

    assertThat(config.notifications().chats(new ClubId("main")))
        .extracting(ChatWebhook::channel)
        .containsExactly(Channel.TEAMS);
  }
}
