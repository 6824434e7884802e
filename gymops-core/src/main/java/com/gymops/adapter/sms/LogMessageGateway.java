package com.gymops.adapter.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.application.port.MessageGateway;
import com.gymops.application.port.SendResult;
import com.gymops.domain.OutboundMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * The default provider until real SMS and email are configured: appends each message as one JSON
 * line to {@code messages.log} in the data directory, so a manager can read what would have gone
 * out. Each line carries {@code at}, when the message was due in the time of the run that queued it
 * (its {@code not_before}), {@code run_at}, that run's time, and {@code logged_at}, the wall time
 * it was written. Nothing leaves, so its answer is {@link SendResult#logged}, never accepted: the
 * outbox records the message as LOGGED and nobody calls it sent. Thread-safe.
 */
public final class LogMessageGateway implements MessageGateway {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final Clock clock;

  public LogMessageGateway(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  @Override
  public synchronized SendResult send(OutboundMessage message) {
    ObjectNode line = JSON.createObjectNode();
    // The run's times and the wall time: a run "as of 10:00" (gymops run --at, a demo) queues
    // messages for its own morning, and a reader must see both when it was due and when it left.
    line.put(
        "at", (message.notBefore() == null ? message.createdAt() : message.notBefore()).toString());
    line.put("run_at", message.createdAt().toString());
    line.put("logged_at", clock.instant().toString());
    line.put("id", message.id());
    line.put("channel", message.channel().code());
    line.put("to", message.recipient());
    line.put("club_id", message.clubId().value());
    line.put("member_id", message.memberId() == null ? null : message.memberId().value());
    line.put("purpose", message.purpose().name().toLowerCase(java.util.Locale.ROOT));
    line.put("template", message.templateKey());
    if (message.subject() != null) {
      line.put("subject", message.subject());
    }
    line.put("body", message.body());
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      return SendResult.logged("log-" + message.id());
    } catch (IOException e) {
      return SendResult.retry("cannot write " + file + ": " + e.getMessage());
    }
  }
}
