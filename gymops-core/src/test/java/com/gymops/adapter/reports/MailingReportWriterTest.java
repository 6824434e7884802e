package com.gymops.adapter.reports;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.email.SmtpEmailGateway;
import com.gymops.application.messaging.Dispatcher;
import com.gymops.application.run.ActionExecutor;
import com.gymops.application.run.ManagerMessages;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunReport;
import com.gymops.application.run.RunRequest;
import com.gymops.application.run.WorkflowRunner;
import com.gymops.config.SmtpSettings;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.MessageTemplates;
import com.gymops.testing.Runners;
import com.gymops.testing.TestClub;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The escalation list reaches the manager's mailbox as a CSV attachment, once per day. */
class MailingReportWriterTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path directory;
  private TestClub club;
  private WorkflowRunner runner;
  private Dispatcher dispatcher;

  @BeforeEach
  void open() {
    club = TestClub.in(directory);
    ManagerMessages manager =
        new ManagerMessages(club.stores().outbox(), MessageTemplates.defaults());
    runner =
        Runners.runner(
            club.config(),
            club.stores(),
            new ActionExecutor(club.stores(), MessageTemplates.defaults()),
            Runners.planner(club.stores(), MessageTemplates.defaults()),
            new MailingReportWriter(
                new CsvReportWriter(club.reports()), club.config(), manager, club.clock()),
            club.clock());
    SmtpSettings smtp =
        new SmtpSettings(
            "127.0.0.1",
            MAIL.getSmtp().getPort(),
            SmtpSettings.Security.NONE,
            null,
            null,
            "gymops@example.com",
            5);
    dispatcher =
        new Dispatcher(
            club.config(),
            club.dispatchStores(),
            club.sms(),
            new SmtpEmailGateway(smtp, club.clock()),
            manager);
    club.seed(
        aMember()
            .withId("M1")
            .named("Ana", "Lopez")
            .withBalance("250.00", TODAY.minusDays(40))
            .build());
  }

  @AfterEach
  void close() {
    club.close();
  }

  private RunReport escalate(int hour) {
    Instant at = TestClub.at(TODAY.atTime(LocalTime.of(hour, 0)));
    club.clock().set(at);
    return runner.run(
        new RunRequest(WorkflowId.COLLECTIONS_ESCALATION, TestClub.MAIN, RunMode.RULES, false, at));
  }

  @Test
  void the_escalation_csv_is_emailed_to_the_manager_once_however_often_the_run_repeats()
      throws Exception {
    RunReport report = escalate(8);
    escalate(9);

    dispatcher.dispatch(TestClub.at(TODAY.atTime(LocalTime.of(9, 5))));

    assertThat(MAIL.getReceivedMessages()).hasSize(1);
    MimeMessage mail = MAIL.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("manager@example.com");
    assertThat(mail.getSubject())
        .isEqualTo("GymOps: Escalated collection cases for Main Street Fitness, 2026-12-01");
    Multipart parts = (Multipart) mail.getContent();
    assertThat(parts.getBodyPart(0).getContent().toString()).contains("1 member");
    Path file = Path.of(report.files().get(0));
    assertThat(parts.getBodyPart(1).getFileName()).isEqualTo(file.getFileName().toString());
    String attached =
        new String(parts.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(attached).isEqualTo(Files.readString(file)).contains("Ana");
  }
}
