package com.gymops.application.console;

/**
 * A message in the Outbox page.
 *
 * @param memberId "" for a message to the club's manager
 * @param who the member as "Name (id)", or "the manager"
 * @param stateText where the message stands, in words: "queued, waits for 8 am", "sent"
 * @param cancellable still queued (due or deferred): a manager may cancel it
 * @param notRetried for a failed message, why GymOps will not send it again; empty when a manager
 *     may retry it
 */
public record OutboxRow(
    long id,
    String memberId,
    String who,
    String channel,
    String recipient,
    String purpose,
    String status,
    String stateText,
    String body,
    String error,
    boolean cancellable,
    String notRetried) {
  public boolean retryable() {
    return status.equals("failed") && notRetried.isEmpty();
  }
}
