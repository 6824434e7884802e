package com.gymops.policy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A text a person wrote once for a segment of the club (docs/ASK.md), planned like a campaign by
 * {@link OneOffMessagePolicy}. Its words are checked here and nowhere else, whichever path brings
 * them (the MCP server, the console's Ask box).
 *
 * @param id what tells this message from another to the same segment: a member gets each message
 *     once
 * @param filedAt when it was asked for: a member texted it since then has had it
 */
public record OneOffMessage(String id, MessageSegment segment, String text, Instant filedAt) {
  /**
   * The longest message, before the club's name and the opt-out words are added: with them, two SMS
   * segments at most.
   */
  public static final int LONGEST = 240;

  /** The one variable a message may use; the member's first name fills it. */
  public static final String FIRST_NAME = "{first_name}";

  static final String INPUT_ID = "message_id";
  static final String INPUT_SEGMENT = "segment";
  static final String INPUT_TEXT = "message";
  static final String INPUT_FILED_AT = "filed_at";

  public OneOffMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(filedAt, "filedAt");
    text = words(text);
  }

  /**
   * The message's words as they will be sent: stripped, with typographic quotes, dashes and the
   * ellipsis a phone's keyboard types made plain (one character outside GSM-7 would double the
   * text's segments).
   *
   * @throws IllegalArgumentException naming the problem: empty, too long, a variable other than
   *     {@link #FIRST_NAME}, a control character
   */
  public static String words(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the message is empty");
    }
    String plain =
        text.strip()
            .replace('\u2018', '\'')
            .replace('\u2019', '\'')
            .replace('\u201C', '"')
            .replace('\u201D', '"')
            .replace('\u2013', '-')
            .replace('\u2014', '-')
            .replace("\u2026", "...")
            .replace("\r\n", "\n");
    if (plain.length() > LONGEST) {
      throw new IllegalArgumentException(
          "the message is " + plain.length() + " characters; at most " + LONGEST);
    }
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if (Character.isISOControl(c) && c != '\n') {
        throw new IllegalArgumentException(
            "the message has a control character at position " + (i + 1));
      }
    }
    String rest = plain.replace(FIRST_NAME, "");
    if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
      throw new IllegalArgumentException(
          "the message may use " + FIRST_NAME + " and no other braces");
    }
    return plain;
  }

  /** The words for one member. */
  String personalised(String firstName) {
    return text.replace(FIRST_NAME, firstName == null ? "" : firstName);
  }

  /** What each of its planned texts records as the rule's inputs, and {@link #of} reads back. */
  Map<String, String> inputs() {
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put(INPUT_ID, id);
    inputs.put(INPUT_SEGMENT, segment.code());
    inputs.put(INPUT_FILED_AT, filedAt.toString());
    inputs.put(INPUT_TEXT, text);
    return inputs;
  }

  /**
   * The message a planned text's inputs name: an approval's execution plans it again from them.
   * Empty when the inputs are not a one-off message's.
   */
  public static Optional<OneOffMessage> of(Map<String, String> inputs) {
    String id = inputs.get(INPUT_ID);
    String segment = inputs.get(INPUT_SEGMENT);
    String text = inputs.get(INPUT_TEXT);
    String filedAt = inputs.get(INPUT_FILED_AT);
    if (id == null || segment == null || text == null || filedAt == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new OneOffMessage(id, MessageSegment.fromCode(segment), text, Instant.parse(filedAt)));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
