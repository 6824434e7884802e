package com.gymops.adapter.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.application.port.SendResult;
import com.gymops.config.ChatWebhook;
import com.gymops.config.NotificationSettings;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.OutboundMessage;
import com.gymops.fakes.FakeSlack;
import com.gymops.fakes.FakeTeams;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chat gateway against the fake Slack and Teams webhooks on loopback. */
class ChatWebhookGatewayTest {
  private static final ClubId MAIN = new ClubId("main");
  private static final Instant NOW = Instant.parse("2026-12-06T23:00:00Z");

  private final List<Duration> slept = new ArrayList<>();
  private FakeSlack slack;
  private FakeTeams teams;

  @BeforeEach
  void start() {
    slack = FakeSlack.start();
    teams = FakeTeams.start();
  }

  @AfterEach
  void stop() {
    slack.close();
    teams.close();
  }

  private ChatWebhookGateway gateway(Channel channel, String url) {
    NotificationSettings settings =
        new NotificationSettings(null, Map.of(MAIN, List.of(new ChatWebhook(channel, "ENV", url))));
    return new ChatWebhookGateway(channel, settings, slept::add);
  }

  private static OutboundMessage message(Channel channel, String body) {
    return new OutboundMessage(
        7,
        "alert:run-failed:main:2026-12-06T23:00:00Z:" + channel.code(),
        MAIN,
        null,
        channel,
        "redacted",
        MessagePurpose.MANAGER,
        "manager_summary",
        "GymOps: Main Street Fitness",
        body,
        0,
        MessageStatus.QUEUED,
        NOW,
        NOW,
        null,
        null,
        null);
  }

  @Test
  void slack_gets_the_text_with_the_title_in_mrkdwn_and_only_its_three_characters_escaped()
      throws Exception {
    SendResult result =
        gateway(Channel.SLACK, slack.webhookUrl())
            .send(message(Channel.SLACK, "Run <door-access> failed & stopped: \"timeout\""));

    assertThat(result.status()).isEqualTo(SendResult.Status.ACCEPTED);
    FakeSlack.Request request = slack.requests().get(0);
    assertThat(request.contentType()).startsWith("application/json");
    JsonNode body = new ObjectMapper().readTree(request.body());
    assertThat(body.fieldNames()).toIterable().containsExactly("text");
    assertThat(body.get("text").asText())
        .isEqualTo(
            "*GymOps: Main Street Fitness*\nRun &lt;door-access&gt; failed &amp; stopped:"
                + " \"timeout\"");
  }

  @Test
  void a_slack_429_is_waited_out_through_the_sleeper_and_tried_again() {
    slack.script(FakeSlack.Answer.tooManyRequests(3));

    SendResult result =
        gateway(Channel.SLACK, slack.webhookUrl()).send(message(Channel.SLACK, "x"));

    assertThat(result.status()).isEqualTo(SendResult.Status.ACCEPTED);
    assertThat(slept).containsExactly(Duration.ofSeconds(3));
    assertThat(slack.requests()).hasSize(2);
    assertThat(slack.posted()).hasSize(1);
  }

  @Test
  void a_long_retry_after_goes_back_to_the_outbox_instead_of_holding_the_dispatcher() {
    slack.script(FakeSlack.Answer.tooManyRequests(120));

    SendResult result =
        gateway(Channel.SLACK, slack.webhookUrl()).send(message(Channel.SLACK, "x"));

    assertThat(result.status()).isEqualTo(SendResult.Status.RETRY);
    assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    assertThat(slept).isEmpty();
    assertThat(slack.requests()).hasSize(1);
  }

  @Test
  void server_errors_are_tried_three_times_then_left_to_the_outbox() {
    slack.script(
        FakeSlack.Answer.serverError(),
        FakeSlack.Answer.serverError(),
        FakeSlack.Answer.serverError());

    SendResult result =
        gateway(Channel.SLACK, slack.webhookUrl()).send(message(Channel.SLACK, "x"));

    assertThat(result.status()).isEqualTo(SendResult.Status.RETRY);
    assertThat(result.error()).contains("500 internal_error");
    assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void an_archived_channel_fails_the_post_with_slacks_own_word_and_no_secret() {
    slack.script(FakeSlack.Answer.channelArchived());

    SendResult result =
        gateway(Channel.SLACK, slack.webhookUrl()).send(message(Channel.SLACK, "x"));

    assertThat(result.status()).isEqualTo(SendResult.Status.REJECTED);
    assertThat(result.error())
        .contains("410 channel_is_archived", "/services/***", "ENV")
        .doesNotContain(FakeSlack.SECRET, "T0000TEST");
  }

  @Test
  void a_wrong_url_gives_no_service_and_a_clear_error_without_the_secret_path() {
    String wrong = slack.webhookUrl().replace(FakeSlack.SECRET, "NotTheSecretAtAll0000000");

    SendResult result = gateway(Channel.SLACK, wrong).send(message(Channel.SLACK, "x"));

    assertThat(result.status()).isEqualTo(SendResult.Status.REJECTED);
    assertThat(result.error())
        .contains("404 no_service", "is wrong, or the webhook or its channel was removed")
        .doesNotContain("NotTheSecretAtAll", "T0000TEST");
  }

  @Test
  void an_unreachable_webhook_is_retried_later_and_its_error_hides_the_path() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + FakeSlack.PATH;

    SendResult result = gateway(Channel.SLACK, url).send(message(Channel.SLACK, "x"));

    assertThat(result.status()).isEqualTo(SendResult.Status.RETRY);
    assertThat(result.error()).contains("cannot be reached").doesNotContain(FakeSlack.SECRET);
  }

  @Test
  void teams_workflows_take_an_adaptive_card_and_answer_202() {
    SendResult result =
        gateway(Channel.TEAMS, teams.workflowUrl())
            .send(message(Channel.TEAMS, "Run <door-access> failed & stopped"));

    assertThat(result.status()).isEqualTo(SendResult.Status.ACCEPTED);
    assertThat(teams.posted()).hasSize(1);
    assertThat(teams.posted().get(0).cardTexts())
        .containsExactly("GymOps: Main Street Fitness", "Run <door-access> failed & stopped");
  }

  @Test
  void a_teams_incoming_webhook_takes_the_same_card_and_answers_1() {
    SendResult result =
        gateway(Channel.TEAMS, teams.connectorUrl()).send(message(Channel.TEAMS, "hello"));

    assertThat(result.status()).isEqualTo(SendResult.Status.ACCEPTED);
    assertThat(teams.posted()).hasSize(1);
  }

  @Test
  void a_teams_429_is_retried_and_a_wrong_signature_is_refused_without_printing_it() {
    teams.script(FakeTeams.Answer.tooManyRequests(2));
    assertThat(
            gateway(Channel.TEAMS, teams.workflowUrl()).send(message(Channel.TEAMS, "x")).status())
        .isEqualTo(SendResult.Status.ACCEPTED);
    assertThat(slept).containsExactly(Duration.ofSeconds(2));

    String forged = teams.workflowUrl().replace(FakeTeams.SIG, "wrongSignature123");
    SendResult refused = gateway(Channel.TEAMS, forged).send(message(Channel.TEAMS, "x"));

    assertThat(refused.status()).isEqualTo(SendResult.Status.REJECTED);
    assertThat(refused.error())
        .contains("401", "DirectApiInvalidAuthorizationSignature", "/workflows/***")
        .doesNotContain("wrongSignature123", "sig=");
  }

  @Test
  void a_club_without_the_webhook_any_more_fails_clearly() {
    NotificationSettings none = new NotificationSettings(null);

    SendResult result =
        new ChatWebhookGateway(Channel.SLACK, none, slept::add).send(message(Channel.SLACK, "x"));

    assertThat(result.status()).isEqualTo(SendResult.Status.REJECTED);
    assertThat(result.error()).contains("no slack webhook is configured for club main");
  }
}
