package com.gymops.application.port;

import com.gymops.domain.OutboundMessage;

/**
 * Delivers one message through a provider (an SMS API, an SMTP server, a log file). Called by the
 * dispatcher only, once per message claim. Implementations must be thread-safe.
 */
public interface MessageGateway {
  SendResult send(OutboundMessage message);

  /** Who the messages leave from (a number or a messaging service), as the provider knows it. */
  default String sender() {
    return getClass().getSimpleName();
  }
}
