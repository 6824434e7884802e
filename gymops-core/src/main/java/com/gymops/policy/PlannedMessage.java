package com.gymops.policy;

import com.gymops.domain.Channel;
import com.gymops.domain.MessagePurpose;
import java.time.Instant;
import java.util.Objects;

/**
 * A member message exactly as it will be queued: the plan carries it, so a dry run, an approval and
 * the audit show the words, the channel and the moment the member will really get, and the executor
 * only writes it to the outbox.
 *
 * @param subject the email subject; null for SMS
 * @param segments the SMS segments the text costs; 0 for email
 * @param notBefore the earliest delivery: the run's now inside the sending window, else its next
 *     opening
 */
public record PlannedMessage(
    String templateKey,
    MessagePurpose purpose,
    Channel channel,
    String recipient,
    String subject,
    String text,
    int segments,
    Instant notBefore) {
  public PlannedMessage {
    Objects.requireNonNull(templateKey, "templateKey");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(notBefore, "notBefore");
    if (segments < 0) {
      throw new IllegalArgumentException("segments must be >= 0");
    }
  }
}
