package com.gymops.application.inbound;

import com.gymops.application.port.store.InboundStore;
import com.gymops.application.port.store.MemberStore;
import com.gymops.application.port.store.NoteStore;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Club;
import com.gymops.domain.InboundMeaning;
import com.gymops.domain.InboundText;
import com.gymops.domain.Member;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.Note;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Texts members send to the club's number (Twilio's inbound webhook), read by {@link
 * RevocationReader}: a revocation in any reasonable words opts every member on that number out of
 * all texts at once, YES/START/UNSTOP opt back in, HELP is answered with the club's name and the
 * manager's contact. A revocation mixed with other words opts out of the kind of message it answers
 * and leaves a high-priority note for the manager; other free text leaves a note too. Every text is
 * stored. The dispatcher re-checks consent at delivery, so texts already queued are suppressed, not
 * sent.
 *
 * <p>At most one confirmation, sent at once as the webhook's answer: none when Twilio has already
 * confirmed (Advanced Opt-Out's {@code OptOutType}, or one of the carriers' standard keywords,
 * which Twilio answers itself), none for a repeat of the same text or when nothing changed.
 */
public final class SmsReplies {
  /** Whole texts Twilio itself answers on every number: a second confirmation would be too many. */
  private static final Set<String> TWILIO_KEYWORDS =
      Set.of(
          "STOP",
          "STOPALL",
          "UNSUBSCRIBE",
          "CANCEL",
          "END",
          "QUIT",
          "REVOKE",
          "OPTOUT",
          "START",
          "YES",
          "UNSTOP",
          "HELP",
          "INFO");

  private final GymOpsConfig config;
  private final MemberStore members;
  private final InboundStore inbound;
  private final NoteStore notes;
  private final Clock clock;

  public SmsReplies(
      GymOpsConfig config,
      MemberStore members,
      InboundStore inbound,
      NoteStore notes,
      Clock clock) {
    this.config = config;
    this.members = members;
    this.inbound = inbound;
    this.notes = notes;
    this.clock = clock;
  }

  /**
   * One inbound text as Twilio posts it.
   *
   * @param from the sender's number in E.164
   * @param to the club's number, or null
   * @param messageSid Twilio's id of the text, or null
   * @param optOutType Twilio Advanced Opt-Out's reading ({@code STOP}, {@code START}, {@code
   *     HELP}), or null when Twilio matched no keyword
   */
  public record Inbound(
      String from, String to, String body, String messageSid, String optOutType) {}

  public Reply receive(Inbound text) {
    Optional<InboundMeaning> twilioReading = twilioReading(text.optOutType());
    InboundMeaning meaning = twilioReading.orElseGet(() -> RevocationReader.read(text.body()));
    boolean twilioConfirms = twilioReading.isPresent() || isTwilioKeyword(text.body());
    String from = text.from() == null ? "" : text.from().strip();
    List<Member> senders = from.isEmpty() ? List.of() : members.withPhone(from);
    MessagePurpose scope =
        meaning == InboundMeaning.AMBIGUOUS_OPT_OUT
            ? inbound.lastPurposeSentTo(from).orElse(null)
            : null;
    Instant now = clock.instant();
    String key =
        text.messageSid() == null || text.messageSid().isBlank()
            ? "local-" + UUID.randomUUID()
            : text.messageSid().strip();
    boolean first =
        from.isEmpty()
            || inbound.record(
                new InboundText(
                    key,
                    now,
                    from,
                    text.to(),
                    text.body() == null ? "" : text.body(),
                    meaning,
                    scope,
                    senders.stream().map(Member::id).toList()));
    if (senders.isEmpty() || !first) {
      // A number GymOps does not know, or a webhook Twilio retried: nothing (more) to do.
      return new Reply(meaning, List.of(), null);
    }
    Club club = club(senders.get(0));
    return switch (meaning) {
      case OPT_OUT -> optOut(senders, club, twilioConfirms, now);
      case OPT_IN -> optIn(senders, club, twilioConfirms, now);
      // Advanced Opt-Out answers HELP itself when it read the text; otherwise the answer is ours.
      case HELP -> new Reply(meaning, List.of(), twilioReading.isPresent() ? null : help(club));
      case AMBIGUOUS_OPT_OUT -> ambiguous(senders, club, scope, key, text.body(), now);
      case OTHER -> {
        leaveNote(senders, key, NotePriority.NORMAL, "Member texted: \"" + text.body() + "\"", now);
        yield new Reply(meaning, List.of(), null);
      }
    };
  }

  private Reply optOut(List<Member> senders, Club club, boolean twilioConfirms, Instant now) {
    List<String> changed = setOptedOut(senders, true, now);
    return new Reply(
        InboundMeaning.OPT_OUT,
        changed,
        changed.isEmpty() || twilioConfirms ? null : stopConfirmation(club));
  }

  private Reply optIn(List<Member> senders, Club club, boolean twilioConfirms, Instant now) {
    senders.forEach(member -> inbound.clearOptOuts(member.id()));
    List<String> changed = setOptedOut(senders, false, now);
    return new Reply(
        InboundMeaning.OPT_IN,
        changed,
        changed.isEmpty() || twilioConfirms
            ? null
            : club.name() + ": you will get our texts again. Reply STOP to stop.");
  }

  private Reply ambiguous(
      List<Member> senders, Club club, MessagePurpose scope, String key, String body, Instant now) {
    List<String> changed;
    String confirmation;
    if (scope == null) {
      // Nothing GymOps sent tells what the text answers: the revocation is read as the widest.
      changed = setOptedOut(senders, true, now);
      confirmation = changed.isEmpty() ? null : stopConfirmation(club);
    } else {
      changed = new ArrayList<>();
      for (Member member : senders) {
        if (!member.smsOptedOut() && !inbound.isOptedOutOf(member.id(), scope)) {
          inbound.optOutOf(member.id(), scope, now);
          changed.add(member.id().value());
        }
      }
      confirmation =
          changed.isEmpty()
              ? null
              : club.name()
                  + ": you will get no more "
                  + kind(scope)
                  + " texts. Reply STOP to stop all texts, START to get them again.";
    }
    leaveNote(
        senders,
        key,
        NotePriority.HIGH,
        "Review this text: \""
            + body
            + "\". GymOps read it as a revocation of "
            + (scope == null ? "all texts" : kind(scope) + " texts")
            + "; call the member if it means more (a payment, a dispute).",
        now);
    return new Reply(InboundMeaning.AMBIGUOUS_OPT_OUT, changed, confirmation);
  }

  private static String kind(MessagePurpose purpose) {
    return switch (purpose) {
      case MARKETING -> "offer";
      case REMINDER -> "payment reminder";
      case INVOICE -> "invoice";
      case ACCESS -> "door access";
      case MANAGER -> "manager";
    };
  }

  private static String stopConfirmation(Club club) {
    return club.name()
        + ": you are unsubscribed and will get no more texts. Reply START to resubscribe.";
  }

  private void leaveNote(
      List<Member> senders, String key, NotePriority priority, String text, Instant now) {
    for (Member member : senders) {
      notes.add(
          new Note(member.id(), now, priority, NoteCategory.SERVICE, text, "gymops-inbound"),
          "inbound:" + key + ":" + member.id().value(),
          null);
    }
  }

  private static Optional<InboundMeaning> twilioReading(String optOutType) {
    if (optOutType == null || optOutType.isBlank()) {
      return Optional.empty();
    }
    return switch (optOutType.strip().toUpperCase(Locale.ROOT)) {
      case "STOP" -> Optional.of(InboundMeaning.OPT_OUT);
      case "START" -> Optional.of(InboundMeaning.OPT_IN);
      case "HELP" -> Optional.of(InboundMeaning.HELP);
      default -> Optional.empty();
    };
  }

  private static boolean isTwilioKeyword(String body) {
    return body != null && TWILIO_KEYWORDS.contains(body.strip().toUpperCase(Locale.ROOT));
  }

  private List<String> setOptedOut(List<Member> senders, boolean optedOut, Instant now) {
    List<String> changed = new ArrayList<>();
    for (Member member : senders) {
      if (member.smsOptedOut() != optedOut && members.setSmsOptedOut(member.id(), optedOut, now)) {
        changed.add(member.id().value());
      }
    }
    return changed;
  }

  private Club club(Member member) {
    return config
        .club(member.clubId())
        .map(settings -> settings.club())
        .orElse(new Club(member.clubId(), "Your gym", ZoneOffset.UTC, null, null));
  }

  private static String help(Club club) {
    List<String> contacts = new ArrayList<>();
    Optional.ofNullable(club.managerPhone())
        .filter(phone -> !phone.isBlank())
        .ifPresent(contacts::add);
    Optional.ofNullable(club.managerEmail())
        .filter(email -> !email.isBlank())
        .ifPresent(contacts::add);
    String contact =
        contacts.isEmpty()
            ? "ask at the front desk"
            : "contact the manager at " + String.join(" or ", contacts);
    return club.name()
        + ": account and payment texts. For help "
        + contact
        + ". Reply STOP to opt out.";
  }

  /**
   * @param membersChanged ids of the members whose consent changed
   * @param message the text to answer with, or null for no answer
   */
  public record Reply(InboundMeaning meaning, List<String> membersChanged, String message) {
    public Reply {
      membersChanged = List.copyOf(membersChanged);
    }
  }
}
