package com.gymops.application.care;

import static com.gymops.application.run.ClubPopulation.TODAY;
import static com.gymops.application.run.ClubPopulation.local;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.Sleeper;
import com.gymops.adapter.chat.ChatWebhookGateway;
import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.persistence.Persistence;
import com.gymops.application.health.HealthRecorder;
import com.gymops.application.health.HealthRecordingGateway;
import com.gymops.application.messaging.DispatchResult;
import com.gymops.application.messaging.Dispatcher;
import com.gymops.application.messaging.RetryPolicy;
import com.gymops.application.port.MessageGateway;
import com.gymops.application.run.ManagerAlerts;
import com.gymops.application.run.ManagerMessages;
import com.gymops.application.run.Outcome;
import com.gymops.config.ChatWebhook;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Channel;
import com.gymops.domain.IntegrationHealth;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.OutboundMessage;
import com.gymops.fakes.FakeSlack;
import com.gymops.fakes.FakeTeams;
import com.gymops.policy.MessageTemplates;
import com.gymops.testing.TestClub;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manager's alerts and daily summary reach the club's Slack and Teams webhooks as well as the
 * manager's phone, through the outbox and the dispatcher, on a real database against the fakes.
 */
class ManagerChatsTest {
  private static final Instant SIX_PM = local(TODAY, LocalTime.of(18, 0));

  private static final String CONFIG =
      """
      clubs:
        - id: main
          name: Main Street Fitness
          timezone: America/New_York
          manager:
            phone: "+12125551234"
            slack_webhook_url_env: MAIN_SLACK
            teams_webhook_url_env: MAIN_TEAMS
      """;

  @TempDir Path directory;
  private TestClub club;
  private FakeSlack slack;
  private FakeTeams teams;
  private GymOpsConfig config;
  private ManagerMessages manager;
  private Dispatcher dispatcher;
  private final List<Duration> slept = new ArrayList<>();

  @BeforeEach
  void open() {
    club = TestClub.in(directory);
    slack = FakeSlack.start();
    teams = FakeTeams.start();
    config =
        ConfigLoader.parse(
            CONFIG,
            Map.of("MAIN_SLACK", slack.webhookUrl(), "MAIN_TEAMS", teams.workflowUrl()),
            TestClub.ZONE);
    manager =
        new ManagerMessages(
            club.stores().outbox(), MessageTemplates.defaults(), config.notifications());
    HealthRecorder health =
        new HealthRecorder(Persistence.integrationHealth(club.database()), club.clock());
    Sleeper sleeper = slept::add;
    Map<Channel, MessageGateway> chats =
        Map.of(
            Channel.SLACK,
            new HealthRecordingGateway(
                new ChatWebhookGateway(Channel.SLACK, config.notifications(), sleeper),
                "slack",
                health),
            Channel.TEAMS,
            new HealthRecordingGateway(
                new ChatWebhookGateway(Channel.TEAMS, config.notifications(), sleeper),
                "teams",
                health));
    dispatcher =
        new Dispatcher(
            config,
            club.dispatchStores(),
            club.sms(),
            club.email(),
            chats,
            manager,
            RetryPolicy.EXACT);
  }

  @AfterEach
  void close() {
    slack.close();
    teams.close();
    club.close();
  }

  private DailySummaries summaries() {
    return new DailySummaries(
        config,
        Persistence.summaryReads(club.database()),
        club.stores().approvals(),
        club.stores().outbox(),
        manager,
        club.clock());
  }

  @Test
  void an_alert_reaches_the_phone_slack_and_teams_each_once() {
    Outcome outcome =
        new ManagerAlerts(manager)
            .runFailed(
                config.clubs().get(0).club(),
                "run-42",
                "door-access failed: the door system did not answer",
                SIX_PM);
    // a retry of the same alert in the same hour queues nothing new
    Outcome again =
        new ManagerAlerts(manager)
            .runFailed(config.clubs().get(0).club(), "run-43", "again", SIX_PM.plusSeconds(60));

    DispatchResult result = dispatcher.dispatch(SIX_PM.plusSeconds(60));

    assertThat(outcome.message())
        .contains("queued to manager by sms", "slack channel", "teams channel");
    assertThat(again.kind()).isEqualTo(Outcome.Kind.ALREADY_DONE);
    assertThat(result.sent()).isEqualTo(3);
    assertThat(club.sms().received()).hasSize(1);
    assertThat(slack.posted())
        .containsExactly(
            "*GymOps: Main Street Fitness*\ndoor-access failed: the door system did not answer");
    assertThat(teams.posted().get(0).cardTexts())
        .containsExactly(
            "GymOps: Main Street Fitness", "door-access failed: the door system did not answer");
    // the outbox shows where each went without the webhooks' secrets
    assertThat(club.strings("SELECT recipient FROM outbound_message ORDER BY id"))
        .containsExactly(
            TestClub.MANAGER_PHONE,
            "http://127.0.0.1:" + port(slack) + "/services/***",
            "http://127.0.0.1:" + port(teams) + "/workflows/***");
  }

  @Test
  void the_daily_summary_is_posted_with_the_same_words_as_the_text() {
    club.clock().set(SIX_PM);

    assertThat(summaries().sendDue()).extracting(Outcome::kind).containsExactly(Outcome.Kind.DONE);
    dispatcher.dispatch(SIX_PM.plusSeconds(60));
    club.clock().set(SIX_PM.plusSeconds(120));
    assertThat(summaries().sendDue()).isEmpty();

    String text = club.sms().received().get(0).body();
    assertThat(text).startsWith("Main Street Fitness: daily summary for Tue Dec 1.");
    assertThat(slack.posted()).hasSize(1);
    assertThat(slack.posted().get(0))
        .isEqualTo(
            "*GymOps: Main Street Fitness*\n" + text.substring("Main Street Fitness: ".length()));
    assertThat(teams.posted()).hasSize(1);
    assertThat(teams.posted().get(0).cardTexts().get(1)).startsWith("daily summary for Tue Dec 1.");
  }

  @Test
  void a_429_is_retried_and_a_dead_webhook_neither_blocks_the_text_nor_shows_its_secret() {
    slack.script(FakeSlack.Answer.tooManyRequests(2));
    String deadUrl = teams.workflowUrl().replace(FakeTeams.SIG, "revokedSig");
    GymOpsConfig dead =
        ConfigLoader.parse(
            CONFIG, Map.of("MAIN_SLACK", slack.webhookUrl(), "MAIN_TEAMS", deadUrl), TestClub.ZONE);
    Dispatcher deadTeams =
        new Dispatcher(
            dead,
            club.dispatchStores(),
            club.sms(),
            club.email(),
            Map.of(
                Channel.SLACK,
                new ChatWebhookGateway(Channel.SLACK, dead.notifications(), slept::add),
                Channel.TEAMS,
                new HealthRecordingGateway(
                    new ChatWebhookGateway(Channel.TEAMS, dead.notifications(), slept::add),
                    "teams",
                    new HealthRecorder(
                        Persistence.integrationHealth(club.database()), club.clock()))),
            manager,
            RetryPolicy.EXACT);
    new ManagerAlerts(manager)
        .runFailed(config.clubs().get(0).club(), "run-42", "door-access failed", SIX_PM);

    DispatchResult result = deadTeams.dispatch(SIX_PM.plusSeconds(60));

    assertThat(slept).containsExactly(Duration.ofSeconds(2));
    assertThat(slack.posted()).hasSize(1);
    assertThat(club.sms().received()).hasSize(1);
    assertThat(result.sent()).isEqualTo(2);
    assertThat(result.failed()).isEqualTo(1);
    OutboundMessage failed =
        club.stores()
            .outbox()
            .findByKey("alert:run-failed:main:" + hour() + ":teams")
            .orElseThrow();
    assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(failed.error())
        .contains("401", "DirectApiInvalidAuthorizationSignature", "/workflows/***")
        .doesNotContain("revokedSig");
    IntegrationHealth health =
        Persistence.integrationHealth(club.database()).all().stream()
            .filter(h -> h.name().equals("teams"))
            .findFirst()
            .orElseThrow();
    assertThat(health.lastError()).contains("DirectApiInvalidAuthorizationSignature");
    assertThat(health.lastError()).doesNotContain("revokedSig");
  }

  @Test
  void a_manager_reached_only_by_chat_gets_the_summary_once() {
    GymOpsConfig chatOnly =
        ConfigLoader.parse(
            CONFIG.replaceAll(" *phone: .*\n", ""),
            Map.of("MAIN_SLACK", slack.webhookUrl(), "MAIN_TEAMS", teams.workflowUrl()),
            TestClub.ZONE);
    ManagerMessages chatManager =
        new ManagerMessages(
            club.stores().outbox(), MessageTemplates.defaults(), chatOnly.notifications());
    DailySummaries summaries =
        new DailySummaries(
            chatOnly,
            Persistence.summaryReads(club.database()),
            club.stores().approvals(),
            club.stores().outbox(),
            chatManager,
            club.clock());
    club.clock().set(SIX_PM);

    List<Outcome> first = summaries.sendDue();
    club.clock().set(SIX_PM.plusSeconds(60));
    List<Outcome> next = summaries.sendDue();

    assertThat(first)
        .singleElement()
        .satisfies(
            o ->
                assertThat(o.message())
                    .isEqualTo(
                        "queued to manager's slack channel; queued to manager's teams channel"));
    assertThat(next).as("the next tick stops at the cheap check").isEmpty();
  }

  private static String hour() {
    return SIX_PM.truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString();
  }

  private static int port(Object fake) {
    String url = fake instanceof FakeSlack s ? s.webhookUrl() : ((FakeTeams) fake).workflowUrl();
    return java.net.URI.create(url).getPort();
  }

  @Test
  void the_webhooks_print_redacted() {
    ChatWebhook webhook = config.notifications().chats(TestClub.MAIN).get(0);
    assertThat(webhook.toString()).doesNotContain(FakeSlack.SECRET).contains("/services/***");
  }
}
