package com.gymops.application.port.store;

import com.gymops.domain.InboundText;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessagePurpose;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Texts members send, and the consent they revoke for one kind of message only. Thread-safe. */
public interface InboundStore {
  /** Stores a text once by its key; false when it was stored already (a webhook Twilio retried). */
  boolean record(InboundText text);

  /** The texts from {@code phone} (E.164), newest first. */
  List<InboundText> from(String phone);

  /** The purpose of the last message GymOps sent to {@code phone}: what a reply answers. */
  Optional<MessagePurpose> lastPurposeSentTo(String phone);

  /** Stops texts of {@code purpose} to the member until they opt in again. */
  void optOutOf(MemberId member, MessagePurpose purpose, Instant at);

  /** Lifts every purpose-only opt-out of the member (they sent START or YES). */
  void clearOptOuts(MemberId member);

  boolean isOptedOutOf(MemberId member, MessagePurpose purpose);

  /**
   * Replaces the text of messages received before {@code cutoff} by {@code replacement}, keeping
   * who sent them, when and what they meant; returns how many changed.
   */
  int purgeBodiesBefore(Instant cutoff, String replacement);
}
