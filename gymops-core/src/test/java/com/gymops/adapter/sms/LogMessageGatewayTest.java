package com.gymops.adapter.sms;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.application.messaging.DispatchResult;
import com.gymops.application.messaging.Dispatcher;
import com.gymops.application.port.MessageGateway;
import com.gymops.application.port.SendResult;
import com.gymops.application.run.ManagerMessages;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.MessageTemplates;
import com.gymops.testing.TestClub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogMessageGatewayTest {
  @TempDir Path directory;

  @Test
  void a_line_carries_when_it_was_due_in_the_runs_time_the_runs_time_and_the_wall_time()
      throws Exception {
    Instant runAt = Instant.parse("2026-12-01T07:00:00Z");
    Instant due = Instant.parse("2026-12-01T13:00:00Z");
    Instant wall = Instant.parse("2026-12-03T16:42:10Z");
    Path file = directory.resolve("messages.log");
    LogMessageGateway gateway = new LogMessageGateway(file, Clock.fixed(wall, ZoneOffset.UTC));

    gateway.send(
        new OutboundMessage(
            7,
            "key-7",
            new ClubId("main"),
            new MemberId("M1"),
            Channel.SMS,
            "+15550000001",
            MessagePurpose.REMINDER,
            "reminder_friendly",
            null,
            "Hi Ana",
            1,
            MessageStatus.SENDING,
            runAt,
            due,
            null,
            null,
            "run-1"));

    JsonNode line = new ObjectMapper().readTree(Files.readAllLines(file).get(0));
    assertThat(line.get("at").asText()).isEqualTo(due.toString());
    assertThat(line.get("run_at").asText()).isEqualTo(runAt.toString());
    assertThat(line.get("logged_at").asText()).isEqualTo(wall.toString());
    assertThat(line.get("body").asText()).isEqualTo("Hi Ana");
  }

  @Test
  void a_message_the_log_took_is_logged_not_sent_and_a_second_pass_never_writes_it_again()
      throws Exception {
    Path file = directory.resolve("messages.log");
    Instant ten = TestClub.at(LocalDateTime.of(2026, 12, 1, 10, 0));
    try (TestClub club = TestClub.in(directory.resolve("club"))) {
      club.seed(aMember().withId("M1").withBalance("30.00", LocalDate.of(2026, 11, 26)).build());
      club.run(WorkflowId.PAST_DUE_MONITORING, ten);
      AnswerKeepingGateway log =
          new AnswerKeepingGateway(new LogMessageGateway(file, Clock.fixed(ten, ZoneOffset.UTC)));
      Dispatcher dispatcher =
          new Dispatcher(
              club.config(),
              club.dispatchStores(),
              log,
              log,
              new ManagerMessages(club.stores().outbox(), MessageTemplates.defaults()));

      DispatchResult first = dispatcher.dispatch(ten.plusSeconds(300));
      DispatchResult second = dispatcher.dispatch(ten.plusSeconds(360));

      assertThat(first.logged()).isOne();
      assertThat(first.sent()).as("nothing left, so nothing is sent").isZero();
      assertThat(second.logged() + second.sent()).isZero();
      assertThat(log.answers).containsExactly(SendResult.Status.LOGGED);
      assertThat(Files.readAllLines(file)).hasSize(1);
      OutboundMessage message = club.stores().outbox().ofMember(new MemberId("M1")).get(0);
      assertThat(message.status()).isEqualTo(MessageStatus.LOGGED);
    }
  }

  /** The real log gateway, with the answers it gave kept for the test to read. */
  private static final class AnswerKeepingGateway implements MessageGateway {
    private final LogMessageGateway gateway;
    private final List<SendResult.Status> answers = new ArrayList<>();

    AnswerKeepingGateway(LogMessageGateway gateway) {
      this.gateway = gateway;
    }

    @Override
    public SendResult send(OutboundMessage message) {
      SendResult result = gateway.send(message);
      answers.add(result.status());
      return result;
    }
  }
}
