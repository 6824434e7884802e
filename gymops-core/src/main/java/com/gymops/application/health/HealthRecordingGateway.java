package com.gymops.application.health;

import com.gymops.application.port.MessageGateway;
import com.gymops.application.port.SendResult;
import com.gymops.domain.OutboundMessage;

/**
 * A message provider (Twilio, SMTP) whose answers are recorded: an answer about the message itself
 * (accepted, the member opted out, the number is not mobile) is the integration working; a refusal,
 * a retry or no answer is its last error.
 */
public final class HealthRecordingGateway implements MessageGateway {
  private final MessageGateway gateway;
  private final String name;
  private final HealthRecorder health;

  public HealthRecordingGateway(MessageGateway gateway, String name, HealthRecorder health) {
    this.gateway = gateway;
    this.name = name;
    this.health = health;
  }

  @Override
  public SendResult send(OutboundMessage message) {
    SendResult result;
    try {
      result = gateway.send(message);
    } catch (RuntimeException e) {
      health.failed(name, e.getMessage());
      throw e;
    }
    switch (result.status()) {
      case ACCEPTED, LOGGED, OPTED_OUT, UNUSABLE_ADDRESS -> health.succeeded(name);
      default ->
          health.failed(
              name,
              result.status().name().toLowerCase(java.util.Locale.ROOT) + ": " + result.error());
    }
    return result;
  }

  @Override
  public String sender() {
    return gateway.sender();
  }
}
