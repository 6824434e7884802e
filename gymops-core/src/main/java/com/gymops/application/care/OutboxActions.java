package com.gymops.application.care;

import com.gymops.application.port.store.AttemptStore;
import com.gymops.application.port.store.MemberStore;
import com.gymops.application.port.store.Outbox;
import com.gymops.application.port.store.Transactor;
import com.gymops.application.run.EffectKeys;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.Member;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.OutboundMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A manager's hands on the outbox: cancel a text that has not left yet, or send a failed one again
 * when that is safe. Each change, its reminder's attempt and its audit row commit together; the
 * dispatcher then delivers a retried text as any other, checking the member's window and opt-out
 * again at delivery.
 *
 * <p>Never retried: a text whose outcome is unknown (GymOps stopped, or the provider did not
 * answer, between the claim and the answer), because it may have reached the member and a member
 * must never get the same text twice; and a text to a member who opted out (a STOP, or the
 * carrier's 21610, which GymOps records as an opt-out).
 */
public final class OutboxActions {
  private static final String CARRIER_OPT_OUT = "21610";

  private final Outbox outbox;
  private final AttemptStore attempts;
  private final MemberStore members;
  private final Transactor transactor;
  private final Audit audit;
  private final Clock clock;

  public OutboxActions(
      Outbox outbox,
      AttemptStore attempts,
      MemberStore members,
      Transactor transactor,
      Audit audit,
      Clock clock) {
    this.outbox = outbox;
    this.attempts = attempts;
    this.members = members;
    this.transactor = transactor;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Why a failed message may not be sent again, from the message alone; empty when it may (the
   * member's opt-out is checked at the retry itself).
   */
  public static Optional<String> whyNotRetried(OutboundMessage message) {
    if (message.status() != MessageStatus.FAILED) {
      return Optional.of(
          "only a failed text can be retried; this one is "
              + message.status().name().toLowerCase(Locale.ROOT));
    }
    String error = message.error() == null ? "" : message.error();
    if (error.startsWith(Outbox.OUTCOME_UNKNOWN)) {
      return Optional.of(
          "its outcome is unknown: it may have reached "
              + message.recipient()
              + ", and GymOps never sends a text twice; check the provider's log, and contact the"
              + " member yourself if it did not arrive");
    }
    if (error.contains(CARRIER_OPT_OUT) || error.startsWith("opted_out")) {
      return Optional.of("the carrier says the member opted out (21610): texts stop until START");
    }
    return Optional.empty();
  }

  /**
   * Cancels a queued (due or deferred) text: it ends unsent, and a reminder's or invoice's attempt
   * becomes SUPPRESSED — no contact and no failure, but the reminder interval restarts from it, so
   * the next hourly run does not write the cancelled reminder again.
   *
   * @throws IllegalStateException when it is no longer queued (sent, failed, or being sent)
   */
  public void cancel(Actor actor, long id) {
    OutboundMessage message = find(actor, id);
    String by = "cancelled by " + actor.name();
    Instant now = clock.instant();
    transactor.inTransaction(
        () -> {
          if (!outbox.cancelQueued(id, now, by)) {
            throw new IllegalStateException("message " + id + " is no longer queued: " + state(id));
          }
          attempt(message, AttemptOutcome.SUPPRESSED);
          audit.record(actor, message.clubId(), "cancel", target(id), "queued", "suppressed", by);
        });
  }

  /**
   * Queues a failed text again, due now; the dispatcher sends it inside the member's window.
   *
   * @throws IllegalStateException when it may not be sent again ({@link #whyNotRetried}), or the
   *     member has opted out of texts since
   */
  public void retry(Actor actor, long id) {
    OutboundMessage message = find(actor, id);
    Optional<String> refused = whyNotRetried(message).or(() -> optedOut(message));
    if (refused.isPresent()) {
      throw new IllegalStateException("message " + id + " is not retried: " + refused.get());
    }
    Instant now = clock.instant();
    transactor.inTransaction(
        () -> {
          if (!outbox.requeueFailed(id, now)) {
            throw new IllegalStateException(
                "message " + id + " is not retried: it is " + state(id));
          }
          attempt(message, AttemptOutcome.SENT);
          audit.record(
              actor, message.clubId(), "retry", target(id), "failed", "queued", message.error());
        });
  }

  private Optional<String> optedOut(OutboundMessage message) {
    if (message.channel() != Channel.SMS || message.memberId() == null) {
      return Optional.empty();
    }
    return members
        .find(message.memberId())
        .filter(Member::smsOptedOut)
        .map(m -> "the member has opted out of texts");
  }

  private OutboundMessage find(Actor actor, long id) {
    OutboundMessage message =
        outbox
            .find(id)
            .orElseThrow(() -> new NotFoundException("no message " + id + " in the outbox"));
    actor.mustReach(message.clubId());
    return message;
  }

  /** A reminder's or invoice's attempt follows its text: suppressed when cancelled, sent again. */
  private void attempt(OutboundMessage message, AttemptOutcome outcome) {
    if (message.purpose().isCollection()) {
      attempts.setOutcome(EffectKeys.attempt(message.idempotencyKey()), outcome);
    }
  }

  private String state(long id) {
    return outbox.find(id).map(m -> m.status().name().toLowerCase(Locale.ROOT)).orElse("gone");
  }

  private static String target(long id) {
    return "message:" + id;
  }
}
