package com.gymops.testing;

import com.gymops.application.port.MessageGateway;
import com.gymops.application.port.SendResult;
import com.gymops.domain.OutboundMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A provider that keeps every message it is handed and answers as the test told it: accept (the
 * default), reject for good, or ask for a retry. Thread-safe.
 */
public final class RecordingGateway implements MessageGateway {
  private final List<OutboundMessage> received = new ArrayList<>();
  private SendResult answer = null;

  @Override
  public synchronized SendResult send(OutboundMessage message) {
    received.add(message);
    return answer == null ? SendResult.accepted("provider-" + received.size()) : answer;
  }

  public synchronized void accept() {
    answer = null;
  }

  public synchronized void reject(String error) {
    answer = SendResult.rejected(Objects.requireNonNull(error, "error"));
  }

  public synchronized void askForRetry(String error) {
    answer = SendResult.retry(Objects.requireNonNull(error, "error"));
  }

  /** Answers every message with {@code result} until told otherwise. */
  public synchronized void answerWith(SendResult result) {
    answer = Objects.requireNonNull(result, "result");
  }

  public synchronized List<OutboundMessage> received() {
    return List.copyOf(received);
  }
}
