package com.gymops.inbound;

import java.util.Locale;
import java.util.Set;

/**
 * What a member's text asks for. The opt-out and opt-in words are Twilio's and the carriers'
 * standard keywords: a member who sends any of them expects it to work, whatever else we offer.
 */
public enum SmsKeyword {
  OPT_OUT,
  OPT_IN,
  HELP,
  /** Anything else: GymOps does not answer free text. */
  OTHER;

  private static final Set<String> OPT_OUT_WORDS =
      Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");
  private static final Set<String> OPT_IN_WORDS = Set.of("START", "UNSTOP");

  /** The keyword of a whole message body, case-insensitive and trimmed ("stop " is STOP). */
  public static SmsKeyword of(String body) {
    String word = body == null ? "" : body.trim().toUpperCase(Locale.ROOT);
    if (OPT_OUT_WORDS.contains(word)) {
      return OPT_OUT;
    }
    if (OPT_IN_WORDS.contains(word)) {
      return OPT_IN;
    }
    return word.equals("HELP") ? HELP : OTHER;
  }
}
