package com.gymops.console;

/** A message in the Outbox page. */
public record OutboxRow(
    long id,
    String memberId,
    String channel,
    String recipient,
    String purpose,
    String status,
    String notBefore,
    String body,
    String error) {}
