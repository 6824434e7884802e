package com.gymops.inbound;

import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Club;
import com.gymops.domain.Member;
import com.gymops.store.MemberStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Texts members send to the club's number (Twilio's inbound webhook): STOP and its synonyms opt
 * every member on that number out of all texts at once, START/UNSTOP opt back in, HELP is answered
 * with the club's name and the manager's contact. The dispatcher re-checks the opt-out at delivery,
 * so texts already queued for the member are suppressed, not sent.
 *
 * <p>STOP and START get no reply of ours: Twilio (Advanced Opt-Out or the carrier) confirms them
 * itself, and a second confirmation would be one text too many.
 */
public final class SmsReplies {
  private final GymOpsConfig config;
  private final MemberStore members;
  private final Clock clock;

  public SmsReplies(GymOpsConfig config, MemberStore members, Clock clock) {
    this.config = config;
    this.members = members;
    this.clock = clock;
  }

  /**
   * @param from the sender's number in E.164, as Twilio gives it
   * @param body the text
   */
  public Reply receive(String from, String body) {
    SmsKeyword keyword = SmsKeyword.of(body);
    List<Member> senders = from == null || from.isBlank() ? List.of() : members.withPhone(from);
    if (senders.isEmpty()) {
      // A number GymOps does not know: nothing to change, nothing to tell.
      return new Reply(keyword, List.of(), null);
    }
    return switch (keyword) {
      case OPT_OUT -> new Reply(keyword, setOptedOut(senders, true), null);
      case OPT_IN -> new Reply(keyword, setOptedOut(senders, false), null);
      case HELP -> new Reply(keyword, List.of(), help(senders.get(0)));
      case OTHER -> new Reply(keyword, List.of(), null);
    };
  }

  private List<String> setOptedOut(List<Member> senders, boolean optedOut) {
    List<String> changed = new ArrayList<>();
    for (Member member : senders) {
      if (member.smsOptedOut() != optedOut
          && members.setSmsOptedOut(member.id(), optedOut, clock.instant())) {
        changed.add(member.id().value());
      }
    }
    return changed;
  }

  private String help(Member member) {
    Optional<Club> club = config.club(member.clubId()).map(settings -> settings.club());
    String name = club.map(Club::name).orElse("Your gym");
    List<String> contacts = new ArrayList<>();
    club.map(Club::managerPhone).filter(phone -> !phone.isBlank()).ifPresent(contacts::add);
    club.map(Club::managerEmail).filter(email -> !email.isBlank()).ifPresent(contacts::add);
    String contact =
        contacts.isEmpty()
            ? "ask at the front desk"
            : "contact the manager at " + String.join(" or ", contacts);
    return name + ": account and payment texts. For help " + contact + ". Reply STOP to opt out.";
  }

  /**
   * @param membersChanged ids of the members whose opt-out changed
   * @param message the text to answer with, or null for no answer
   */
  public record Reply(SmsKeyword keyword, List<String> membersChanged, String message) {
    public Reply {
      membersChanged = List.copyOf(membersChanged);
    }
  }
}
