package com.gymops.application.port.store;

import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.OutboundMessage;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Messages waiting to be delivered, and the record of those that were. A message is written in the
 * transaction that decided it and delivered by the dispatcher; its key makes it unique.
 * Thread-safe.
 */
public interface Outbox {
  /** How the dispatcher begins the error of a text that may or may not have left. */
  String OUTCOME_UNKNOWN = "outcome unknown";

  /**
   * Queues the message (its id and status are ignored) unless its idempotency key is taken; returns
   * the new id, or empty when the key was taken.
   */
  Optional<Long> enqueue(OutboundMessage message);

  /**
   * Queues each message whose idempotency key is not taken (by a stored message or by an earlier
   * one of the list), in one JDBC batch: a run's executor queues hundreds of texts per transaction,
   * and one statement each cost more than deciding them.
   *
   * @return for each message, in order, whether it was queued
   */
  boolean[] enqueueAll(List<OutboundMessage> messages);

  Optional<OutboundMessage> find(long id);

  Optional<OutboundMessage> findByKey(String idempotencyKey);

  /** The message the provider knows by {@code providerId} (Twilio's message SID). */
  Optional<OutboundMessage> findByProviderId(String providerId);

  /**
   * Records the provider's final word on a sent message: DELIVERED, or FAILED with {@code error}.
   * Only a SENT message changes, so a repeated or late callback never undoes a final state (a
   * DELIVERED message never goes back). Returns whether it changed.
   */
  boolean recordDelivery(long id, MessageStatus status, String error);

  /** Queued messages whose {@code not_before} has come, oldest first. */
  List<OutboundMessage> due(Instant now, int limit);

  /**
   * Claims a queued message for sending; false when another dispatcher claimed it first. Marking it
   * before the provider call means a crash leaves it SENDING, never silently re-sent.
   */
  boolean claim(long id, Instant at);

  void markSent(long id, Instant at);

  /** Marks it sent and keeps the provider's id for it (Twilio's message SID). */
  void markSent(long id, Instant at, String providerId);

  /**
   * Marks it LOGGED, under the message log's id: written down, sent nowhere. Final like SENT; no
   * delivery callback ever changes it.
   */
  void markLogged(long id, Instant at, String providerId);

  /**
   * Counts one more provider refusal worth a retry of a claimed message and keeps its error;
   * returns the refusals so far, from which the dispatcher's backoff grows.
   */
  int countRetry(long id, String error);

  /**
   * Ends as FAILED, with {@code error}, every message still SENDING that was claimed before {@code
   * claimedBefore} (or before claims were timed): a dispatcher died between the claim and the
   * provider's answer, so whether it left is unknown. Returns the messages it ended.
   */
  List<OutboundMessage> failStuckSending(Instant claimedBefore, Instant at, String error);

  void markFailed(long id, Instant at, String error);

  /** Ends a message unsent because a rule forbids it now (e.g. the member replied STOP). */
  void markSuppressed(long id, Instant at, String reason);

  /**
   * Ends a queued message unsent ({@code SUPPRESSED}, with {@code reason}) if it is still queued: a
   * dispatcher that claimed it first wins. Returns whether it was cancelled.
   */
  boolean cancelQueued(long id, Instant at, String reason);

  /**
   * Queues a failed message again, due at {@code notBefore}, with its error, claim and retry count
   * cleared, if it failed with the provider's answer: never one whose outcome is unknown (an error
   * beginning {@code outcome unknown}), which may have left. Returns whether it was queued.
   */
  boolean requeueFailed(long id, Instant notBefore);

  /** Puts a claimed or queued message back to wait until {@code notBefore}. */
  void defer(long id, Instant notBefore);

  /** The latest marketing message per template for each member of the club, queued or sent. */
  Map<MemberId, Map<String, Instant>> marketingHistory(ClubId club);

  /** {@link #marketingHistory(ClubId)} of only {@code members}. */
  Map<MemberId, Map<String, Instant>> marketingHistoryOf(Collection<MemberId> members);

  /**
   * When template {@code templateKey} last went to each member of the club (queued or sent, not
   * suppressed): what lets a later workflow see a text an earlier one just wrote.
   */
  Map<MemberId, Instant> lastOfTemplate(ClubId club, String templateKey);

  /** {@link #lastOfTemplate(ClubId, String)} of only {@code members}. */
  Map<MemberId, Instant> lastOfTemplateOf(Collection<MemberId> members, String templateKey);

  List<OutboundMessage> ofMember(MemberId member);

  List<OutboundMessage> ofRun(String runId);

  Map<MessageStatus, Long> countByStatus();

  /**
   * Replaces the body and subject of messages created before {@code cutoff} by {@code replacement},
   * except those still to be sent or retried (queued, sending, failed); the rows, their recipients,
   * statuses and times stay. Returns how many changed.
   */
  int purgeBodiesBefore(Instant cutoff, String replacement);
}
