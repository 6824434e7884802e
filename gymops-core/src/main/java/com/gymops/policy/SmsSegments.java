package com.gymops.policy;

import java.util.Objects;

/**
 * How many SMS segments a text costs, which is what carriers bill and what a concatenated message
 * is split into.
 *
 * <p>A text that fits the GSM-7 alphabet travels in 7-bit septets: 160 in a single message, 153 per
 * segment once it is split (the other 7 carry the concatenation header). Characters of the GSM-7
 * extension table ({@code € { } [ ] \ ~ ^ |} and form feed) take two septets, an escape and the
 * character, and the pair is never split across segments. Any other character forces the whole text
 * into UCS-2: 70 UTF-16 code units in a single message, 67 per segment; a surrogate pair (an emoji,
 * say) is kept whole, as handsets and carriers do.
 *
 * @param units septets for GSM-7, UTF-16 code units for UCS-2
 * @param segments the number of messages billed; an empty text is billed as one
 */
public record SmsSegments(Encoding encoding, int segments, int units) {
  /** The two SMS alphabets that matter for US carriers. */
  public enum Encoding {
    GSM_7(160, 153),
    UCS_2(70, 67);

    private final int singleCapacity;
    private final int segmentCapacity;

    Encoding(int singleCapacity, int segmentCapacity) {
      this.singleCapacity = singleCapacity;
      this.segmentCapacity = segmentCapacity;
    }

    /** Units that fit into a message that is not split. */
    public int singleCapacity() {
      return singleCapacity;
    }

    /** Units that fit into each part of a split message. */
    public int segmentCapacity() {
      return segmentCapacity;
    }
  }

  // The GSM 03.38 default alphabet, without the escape character itself (0x1B).
  private static final String GSM_BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

  public SmsSegments {
    Objects.requireNonNull(encoding, "encoding");
    if (segments < 1 || units < 0) {
      throw new IllegalArgumentException("segments must be >= 1 and units >= 0");
    }
  }

  /** Counts the segments of {@code text}. */
  public static SmsSegments of(String text) {
    Objects.requireNonNull(text, "text");
    Encoding encoding = isGsm7(text) ? Encoding.GSM_7 : Encoding.UCS_2;
    int[] weights = weights(text, encoding);
    int units = 0;
    for (int weight : weights) {
      units += weight;
    }
    if (units <= encoding.singleCapacity()) {
      return new SmsSegments(encoding, 1, units);
    }
    return new SmsSegments(encoding, pack(weights, encoding.segmentCapacity()), units);
  }

  /** Whether every character of {@code text} is in the GSM-7 alphabet or its extension table. */
  public static boolean isGsm7(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The units of each character (GSM-7) or code point (UCS-2), in order. */
  private static int[] weights(String text, Encoding encoding) {
    if (encoding == Encoding.GSM_7) {
      int[] weights = new int[text.length()];
      for (int i = 0; i < text.length(); i++) {
        weights[i] = GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
      }
      return weights;
    }
    return text.codePoints().map(Character::charCount).toArray();
  }

  /** Fills segments in order; a unit group that does not fit the rest of one starts the next. */
  private static int pack(int[] weights, int capacity) {
    int segments = 1;
    int used = 0;
    for (int weight : weights) {
      if (used + weight > capacity) {
        segments++;
        used = 0;
      }
      used += weight;
    }
    return segments;
  }
}
