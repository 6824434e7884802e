package com.gymops.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A message in the outbox. It is written in the same transaction as the decision to send it and
 * delivered later by the dispatcher, no earlier than {@code notBefore}.
 *
 * @param idempotencyKey unique per intended effect, so a rerun cannot queue the same message twice
 * @param memberId {@code null} for messages to the club's manager
 * @param attachment a file sent with an email (a manager's report), or {@code null}
 */
public record OutboundMessage(
    long id,
    String idempotencyKey,
    ClubId clubId,
    MemberId memberId,
    Channel channel,
    String recipient,
    MessagePurpose purpose,
    String templateKey,
    String subject,
    String body,
    int segments,
    MessageStatus status,
    Instant createdAt,
    Instant notBefore,
    Instant sentAt,
    String error,
    String runId,
    Attachment attachment) {

  public OutboundMessage {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(clubId, "clubId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(notBefore, "notBefore");
  }

  /** A message without an attachment. */
  public OutboundMessage(
      long id,
      String idempotencyKey,
      ClubId clubId,
      MemberId memberId,
      Channel channel,
      String recipient,
      MessagePurpose purpose,
      String templateKey,
      String subject,
      String body,
      int segments,
      MessageStatus status,
      Instant createdAt,
      Instant notBefore,
      Instant sentAt,
      String error,
      String runId) {
    this(
        id,
        idempotencyKey,
        clubId,
        memberId,
        channel,
        recipient,
        purpose,
        templateKey,
        subject,
        body,
        segments,
        status,
        createdAt,
        notBefore,
        sentAt,
        error,
        runId,
        null);
  }
}
