package com.gymops.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A text someone sent the club's number, kept with what GymOps read in it.
 *
 * @param key Twilio's MessageSid, or an id of our own when the webhook carried none
 * @param to the club's number it was sent to, or null
 * @param scope for an ambiguous revocation, the kind of message it was taken to answer; else null
 * @param members the members on the sending number (a family may share one), possibly none
 */
public record InboundText(
    String key,
    Instant receivedAt,
    String from,
    String to,
    String body,
    InboundMeaning meaning,
    MessagePurpose scope,
    List<MemberId> members) {
  public InboundText {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(meaning, "meaning");
    members = List.copyOf(members);
  }
}
