package com.gymops.policy;

import com.gymops.domain.Channel;
import com.gymops.domain.Club;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessagePurpose;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the member messages of one run as the policies plan them: the channel that reaches the
 * member, the rendered text, its segments and the moment it may be delivered.
 */
public final class MessageComposer {
  /** What "Call {club_phone}" says when the club has no front-desk number configured. */
  static final String NO_PHONE = "the front desk";

  private final Club club;
  private final MessageTemplates templates;
  private final Map<MemberId, String> payLinks;
  private final Instant now;
  private final SendingWindow window;

  private MessageComposer(ClubSnapshot snapshot, Instant now) {
    this.club = snapshot.club();
    this.templates = snapshot.templates();
    this.payLinks = snapshot.payLinks();
    this.now = now;
    this.window = snapshot.policy().messaging().window();
  }

  /** The composer of a run that sees {@code now}. */
  public static MessageComposer of(ClubSnapshot snapshot, Instant now) {
    return new MessageComposer(snapshot, now);
  }

  /**
   * A reminder, invoice or access message from {@code templateKey}: by SMS, else email (see {@link
   * ContactRoute#forMember}); empty when nothing reaches the member.
   */
  public Optional<PlannedMessage> toMember(Member member, String templateKey) {
    return toMember(member, templateKey, Map.of());
  }

  /**
   * {@link #toMember(Member, String)} with variables of the rule's own, such as {@code lock_date}.
   */
  public Optional<PlannedMessage> toMember(
      Member member, String templateKey, Map<String, String> extra) {
    return ContactRoute.forMember(member).map(route -> compose(member, templateKey, route, extra));
  }

  /** A marketing text: SMS only, with consent; empty when the member cannot get one. */
  public Optional<PlannedMessage> marketing(Member member, String templateKey) {
    return marketing(member, templateKey, Map.of());
  }

  /** {@link #marketing(Member, String)} with variables of its own, such as a one-off's text. */
  public Optional<PlannedMessage> marketing(
      Member member, String templateKey, Map<String, String> extra) {
    return ContactRoute.forMarketing(member)
        .map(route -> compose(member, templateKey, route, extra));
  }

  private PlannedMessage compose(
      Member member, String templateKey, ContactRoute route, Map<String, String> extra) {
    MessagePurpose purpose = templates.get(templateKey).purpose();
    Map<String, String> variables = variables(member);
    variables.putAll(extra);
    String text = templates.render(templateKey, variables);
    boolean sms = route.channel() == Channel.SMS;
    return new PlannedMessage(
        templateKey,
        purpose,
        route.channel(),
        route.recipient(),
        sms ? null : subject(purpose),
        text,
        sms ? SmsSegments.of(text).segments() : 0,
        // The texting hours are the member's own (their state's law, their zone), not the club's.
        DeliveryTiming.nextDeliveryAt(now, Recipient.of(member, club), window));
  }

  private String subject(MessagePurpose purpose) {
    return switch (purpose) {
      case REMINDER -> club.name() + ": payment reminder";
      case INVOICE -> club.name() + ": your invoice";
      case ACCESS -> club.name() + ": your gym access";
      case MARKETING -> club.name();
      case MANAGER -> "GymOps report for " + club.name();
    };
  }

  private Map<String, String> variables(Member member) {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("first_name", member.firstName());
    variables.put("last_name", member.lastName());
    variables.put("club_name", club.name());
    variables.put("amount", member.pastDue().grouped());
    variables.put("club_phone", club.frontDeskPhone() == null ? NO_PHONE : club.frontDeskPhone());
    variables.put("pay_link", payLinks.getOrDefault(member.id(), ""));
    return variables;
  }
}
