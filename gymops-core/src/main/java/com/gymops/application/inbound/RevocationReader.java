package com.gymops.application.inbound;

import com.gymops.domain.InboundMeaning;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads consent in a member's own words, as the FCC's "any reasonable method" rule (April 2025)
 * asks: the carriers' keywords in any case, with spaces and punctuation ("Opt out!", "S T O P"),
 * common phrases ("please stop texting me", "remove me"), and their Spanish equivalents ("PARAR",
 * "CANCELAR", "BAJA", "no me manden mensajes"). A text that revokes and says something else besides
 * is {@link InboundMeaning#AMBIGUOUS_OPT_OUT}: never ignored, never read as less than it may mean.
 * Pure and thread-safe.
 */
public final class RevocationReader {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z0-9]+");

  /** Whole texts that revoke, compared with their spaces removed ("opt out" is "optout"). */
  private static final Set<String> OPT_OUT_KEYWORDS =
      Set.of(
          "stop",
          "stopall",
          "unsubscribe",
          "cancel",
          "end",
          "quit",
          "revoke",
          "optout",
          "parar",
          "cancelar",
          "baja",
          "alto",
          "detener",
          "salir",
          "unsub",
          "remove",
          "removeme");

  private static final Set<String> OPT_IN_KEYWORDS =
      Set.of("start", "unstop", "yes", "si", "optin", "subscribe", "resume", "comenzar");
  private static final Set<String> HELP_KEYWORDS = Set.of("help", "info", "ayuda");

  /** Phrases that revoke wherever they stand, as normalized word sequences. */
  private static final List<String> REVOKING_PHRASES =
      List.of(
          "opt out",
          "optout",
          "unsubscribe",
          "stop texting",
          "stop messaging",
          "stop sending",
          "stop contacting",
          "stop calling",
          "stop all",
          "remove me",
          "remove my number",
          "take me off",
          "dont text",
          "don t text",
          "do not text",
          "dont message",
          "do not message",
          "do not contact",
          "dont contact",
          "no more texts",
          "no more messages",
          "leave me alone",
          "dar de baja",
          "darme de baja",
          "de baja",
          "no me manden",
          "no me envien",
          "no mas mensajes",
          "ya no quiero",
          "cancelar");

  /** Revoking words: standing alone in a longer text they make it ambiguous, not clear. */
  private static final Set<String> REVOKING_WORDS =
      Set.of(
          "stop", "unsubscribe", "parar", "baja", "cancelar", "cancel", "quit", "optout", "revoke");

  /** A lone "stop" that means a visit, not a revocation. */
  private static final List<String> NOT_REVOKING =
      List.of("stop by", "stop in", "stop at", "stop over", "pass by");

  /** Words that add nothing to a revocation: "please stop texting me, thanks" is clear. */
  private static final Set<String> FILLER =
      Set.of(
          "please",
          "pls",
          "plz",
          "me",
          "now",
          "thanks",
          "thank",
          "you",
          "thx",
          "just",
          "all",
          "any",
          "more",
          "texts",
          "text",
          "texting",
          "messages",
          "message",
          "this",
          "number",
          "from",
          "your",
          "list",
          "us",
          "my",
          "i",
          "want",
          "to",
          "be",
          "of",
          "off",
          "the",
          "immediately",
          "asap",
          "por",
          "favor",
          "gracias",
          "mensajes",
          "de",
          "la",
          "lista",
          "y",
          "and",
          "ok",
          "okay",
          "again",
          "ever",
          "anymore",
          "these",
          "mas",
          "ya",
          "no");

  private RevocationReader() {}

  public static InboundMeaning read(String body) {
    String text = normalize(body);
    String compact = text.replace(" ", "");
    if (OPT_OUT_KEYWORDS.contains(compact)) {
      return InboundMeaning.OPT_OUT;
    }
    if (OPT_IN_KEYWORDS.contains(compact)) {
      return InboundMeaning.OPT_IN;
    }
    if (HELP_KEYWORDS.contains(compact)) {
      return InboundMeaning.HELP;
    }
    String padded = " " + text + " ";
    List<String> phrases =
        REVOKING_PHRASES.stream().filter(phrase -> padded.contains(" " + phrase + " ")).toList();
    boolean revokingWord =
        Arrays.stream(text.split(" ")).anyMatch(REVOKING_WORDS::contains)
            && NOT_REVOKING.stream().noneMatch(phrase -> padded.contains(" " + phrase + " "));
    if (phrases.isEmpty() && !revokingWord) {
      return InboundMeaning.OTHER;
    }
    return hasOtherWords(padded, phrases)
        ? InboundMeaning.AMBIGUOUS_OPT_OUT
        : InboundMeaning.OPT_OUT;
  }

  private static boolean hasOtherWords(String padded, List<String> phrases) {
    String rest = padded;
    for (String phrase : phrases) {
      rest = rest.replace(" " + phrase + " ", " ");
    }
    List<String> words = new ArrayList<>(Arrays.asList(rest.strip().split(" ")));
    words.removeIf(
        word -> word.isEmpty() || FILLER.contains(word) || REVOKING_WORDS.contains(word));
    return !words.isEmpty();
  }

  /** Lower case, accents dropped, "don't" as "dont", everything but letters and digits a space. */
  static String normalize(String body) {
    if (body == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(body, Normalizer.Form.NFD);
    String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    plain = plain.replace("'", "").replace("\u2019", "");
    return NOT_LETTERS.matcher(plain).replaceAll(" ").strip();
  }
}
