package com.gymops.application.run;

import static com.gymops.application.run.ClubPopulation.TODAY;
import static com.gymops.application.run.ClubPopulation.local;
import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.reports.CsvReportWriter;
import com.gymops.config.ConfigException;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.MemberId;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.DoorAccessPolicy;
import com.gymops.policy.DoorAccessSummary;
import com.gymops.policy.MessageTemplates;
import com.gymops.testing.Runners;
import com.gymops.testing.TestClub;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre-lock warning (access.warn_days_before_lock) and pay links in the texts. */
class LockWarningAndPayLinkTest {
  @TempDir Path directory;
  private TestClub club;

  @BeforeEach
  void open() {
    club = TestClub.in(directory);
  }

  @AfterEach
  void close() {
    club.close();
  }

  private List<OutboundMessage> messagesOf(String id) {
    return club.stores().outbox().ofMember(new MemberId(id));
  }

  @Test
  void a_member_locked_tomorrow_is_warned_once_inside_the_sending_window_with_amount_and_date() {
    // Grace is 3 days: past due since four days before tomorrow, so tomorrow is the lock day.
    club.seed(aMember().withId("W1").withBalance("45.50", TODAY.minusDays(3)).build());

    club.run(WorkflowId.DOOR_ACCESS, local(TODAY, LocalTime.of(3, 0)));
    club.run(WorkflowId.DOOR_ACCESS, local(TODAY, LocalTime.of(9, 0)));
    club.run(WorkflowId.DOOR_ACCESS, local(TODAY, LocalTime.of(15, 0)));

    assertThat(messagesOf("W1"))
        .singleElement()
        .satisfies(
            warning -> {
              assertThat(warning.templateKey()).isEqualTo(DoorAccessPolicy.WARNING_TEMPLATE);
              assertThat(warning.body()).contains("$45.50", "before Wed Dec 2");
              // Planned at 03:00, sent when the window opens.
              assertThat(warning.notBefore()).isEqualTo(local(TODAY, LocalTime.of(8, 0)));
            });

    club.run(WorkflowId.DOOR_ACCESS, local(TODAY.plusDays(1), LocalTime.of(9, 0)));

    assertThat(club.stores().members().find(new MemberId("W1")).orElseThrow().door())
        .isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    assertThat(messagesOf("W1"))
        .extracting(OutboundMessage::templateKey)
        .containsExactly(DoorAccessPolicy.WARNING_TEMPLATE, DoorAccessPolicy.LOCKED_TEMPLATE);
  }

  @Test
  void a_member_two_days_from_the_lock_is_not_warned_yet_and_a_paid_up_one_never() {
    club.seed(
        aMember().withId("W2").withBalance("45.50", TODAY.minusDays(2)).build(),
        aMember().withId("W3").build());

    RunReport report = club.run(WorkflowId.DOOR_ACCESS, local(TODAY, LocalTime.of(9, 0)));

    assertThat(messagesOf("W2")).isEmpty();
    assertThat(messagesOf("W3")).isEmpty();
    assertThat(((DoorAccessSummary) report.summary()).lockWarnings()).isZero();
  }

  @Test
  void a_members_own_pay_link_ends_the_reminder_and_the_lock_text() {
    club.seed(aMember().withId("P1").withBalance("80.00", TODAY.minusDays(10)).build());
    club.stores()
        .payLinks()
        .putAll(
            Map.of(new MemberId("P1"), "https://pay.mainstreet.example/p/P1"),
            club.clock().instant());

    club.run(WorkflowId.PAST_DUE_MONITORING, local(TODAY, LocalTime.of(10, 0)));
    club.run(WorkflowId.DOOR_ACCESS, local(TODAY, LocalTime.of(10, 30)));

    assertThat(messagesOf("P1"))
        .extracting(OutboundMessage::body)
        .isNotEmpty()
        .allSatisfy(body -> assertThat(body).endsWith(" Pay: https://pay.mainstreet.example/p/P1"));
  }

  @Test
  void the_configured_template_fills_in_member_and_club_and_a_restore_text_has_no_link() {
    club.seed(
        aMember().withId("P 2").withBalance("80.00", TODAY.minusDays(1)).build(),
        aMember().withId("P3").withDoor(DoorAccess.LOCKED_FOR_PAYMENT).build());
    WorkflowRunner runner =
        Runners.runner(
            club.config(),
            club.stores(),
            new ActionExecutor(club.stores(), MessageTemplates.defaults()),
            Runners.planner(
                club.stores(),
                MessageTemplates.defaults(),
                "https://pay.mainstreet.example/{club_id}/{member_id}"),
            new CsvReportWriter(directory.resolve("reports")),
            club.clock());
    club.clock().set(local(TODAY, LocalTime.of(10, 0)));

    runner.run(
        new RunRequest(
            WorkflowId.PAST_DUE_MONITORING,
            TestClub.MAIN,
            RunMode.RULES,
            false,
            club.clock().instant()));
    runner.run(
        new RunRequest(
            WorkflowId.DOOR_ACCESS, TestClub.MAIN, RunMode.RULES, false, club.clock().instant()));

    assertThat(messagesOf("P 2"))
        .singleElement()
        .satisfies(
            reminder ->
                assertThat(reminder.body())
                    .endsWith(" Pay: https://pay.mainstreet.example/main/P+2"));
    assertThat(messagesOf("P3"))
        .singleElement()
        .satisfies(restored -> assertThat(restored.body()).doesNotContain("Pay:"));
  }

  @Test
  void a_pay_link_on_a_public_shortener_or_without_https_is_a_config_error_naming_the_key() {
    for (String link :
        List.of("https://bit.ly/{member_id}", "http://pay.example.com/{member_id}")) {
      assertThatThrownBy(
              () ->
                  ConfigLoader.parse(
                      "messaging:\n  pay_link: " + link + "\n", Map.of(), ZoneId.of("UTC")))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("messaging.pay_link");
    }
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "messaging:\n  pay_link: https://pay.example.com/{name}\n",
                    Map.of(),
                    ZoneId.of("UTC")))
        .hasMessageContaining("{name}");
  }
}
