package com.gymops.adapter.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.OutboundMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
}
