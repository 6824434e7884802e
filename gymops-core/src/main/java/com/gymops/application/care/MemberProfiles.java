package com.gymops.application.care;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.application.port.store.AttemptStore;
import com.gymops.application.port.store.AuditLog;
import com.gymops.application.port.store.ClubSystemLinks;
import com.gymops.application.port.store.DoorLog;
import com.gymops.application.port.store.HoldStore;
import com.gymops.application.port.store.MemberStore;
import com.gymops.application.port.store.NoteStore;
import com.gymops.application.port.store.Outbox;
import com.gymops.application.port.store.PayLinks;
import com.gymops.application.port.store.PaymentStore;
import com.gymops.domain.AuditEntry;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.CollectionHold;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Note;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.Payment;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Everything about one member a manager needs to decide: {@code gymops members show}. */
public final class MemberProfiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MemberStore members;
  private final AttemptStore attempts;
  private final Outbox outbox;
  private final NoteStore notes;
  private final DoorLog doors;
  private final PaymentStore payments;
  private final HoldStore holds;
  private final PayLinks payLinks;
  private final AuditLog audit;
  private final ClubSystemLinks clubLinks;

  public MemberProfiles(
      MemberStore members,
      AttemptStore attempts,
      Outbox outbox,
      NoteStore notes,
      DoorLog doors,
      PaymentStore payments,
      HoldStore holds,
      PayLinks payLinks,
      AuditLog audit,
      ClubSystemLinks clubLinks) {
    this.members = members;
    this.attempts = attempts;
    this.outbox = outbox;
    this.notes = notes;
    this.doors = doors;
    this.payments = payments;
    this.holds = holds;
    this.payLinks = payLinks;
    this.audit = audit;
    this.clubLinks = clubLinks;
  }

  /** One member's account as it stands. */
  public record Profile(
      Member member,
      List<CollectionAttempt> attempts,
      List<OutboundMessage> messages,
      List<Note> notes,
      List<DoorLog.Change> doorHistory,
      List<Payment> payments,
      Optional<CollectionHold> hold,
      Optional<String> payLink,
      List<AuditEntry> audit,
      Optional<ClubSystemLinks.Link> clubSystem) {}

  public Profile show(Actor actor, MemberId id) {
    Member member = Members.find(members, id);
    actor.mustReach(member.clubId());
    return new Profile(
        member,
        attempts.ofMember(id),
        outbox.ofMember(id),
        notes.ofMember(id),
        doors.ofMember(id),
        payments.ofMember(id),
        holds.of(id),
        payLinks.of(id),
        audit.about(Audit.member(id)),
        clubLinks.find(id));
  }

  /** The profile as the CLI's {@code --json} and the API print it. */
  public static ObjectNode json(Profile profile) {
    Member member = profile.member();
    ObjectNode node = JSON.createObjectNode();
    node.put("member_id", member.id().value());
    node.put("club_id", member.clubId().value());
    node.put("name", member.fullName());
    node.put("status", member.status().name());
    node.put("phone", member.phone());
    node.put("email", member.email());
    node.put("past_due_amount", member.pastDue().toString());
    node.put("past_due_since", text(member.pastDueSince()));
    node.put("sms_consent", member.smsConsent());
    node.put("sms_opted_out", member.smsOptedOut());
    node.put("door", member.door().code());
    node.put("pay_link", profile.payLink().orElse(null));
    var link = profile.clubSystem();
    node.put("club_system_id", link.map(l -> l.externalId()).orElse(null));
    node.put("club_status", link.map(l -> l.clubStatus()).orElse(null));
    node.put("last_check_in", link.map(l -> text(l.lastCheckIn())).orElse(null));
    if (profile.hold().isPresent()) {
      CollectionHold h = profile.hold().get();
      node.putObject("hold")
          .put("until", h.until().toString())
          .put("reason", h.reason())
          .put("by", h.createdBy())
          .put("created_at", h.createdAt().toString())
          .put("released_at", text(h.releasedAt()));
    } else {
      node.putNull("hold");
    }
    ArrayNode attempts = node.putArray("attempts");
    for (CollectionAttempt attempt : profile.attempts()) {
      attempts
          .addObject()
          .put("at", attempt.attemptedAt().toString())
          .put("kind", lower(attempt.kind().name()))
          .put("channel", attempt.channel().code())
          .put("outcome", lower(attempt.outcome().name()));
    }
    ArrayNode messages = node.putArray("messages");
    for (OutboundMessage message : profile.messages()) {
      messages
          .addObject()
          .put("id", message.id())
          .put("created_at", message.createdAt().toString())
          .put("channel", message.channel().code())
          .put("purpose", lower(message.purpose().name()))
          .put("template", message.templateKey())
          .put("status", lower(message.status().name()))
          .put("sent_at", text(message.sentAt()))
          .put("error", message.error())
          .put("text", message.body());
    }
    ArrayNode notes = node.putArray("notes");
    for (Note note : profile.notes()) {
      notes
          .addObject()
          .put("at", note.createdAt().toString())
          .put("author", note.author())
          .put("priority", lower(note.priority().name()))
          .put("category", lower(note.category().name()))
          .put("text", note.text());
    }
    ArrayNode doors = node.putArray("door_history");
    for (DoorLog.Change change : profile.doorHistory()) {
      doors
          .addObject()
          .put("at", change.at().toString())
          .put("door", change.door().code())
          .put("run_id", change.runId());
    }
    ArrayNode payments = node.putArray("payments");
    for (Payment payment : profile.payments()) {
      payments
          .addObject()
          .put("payment_id", payment.paymentId())
          .put("amount", payment.amount().toString())
          .put("paid_at", payment.paidAt().toString());
    }
    ArrayNode audit = node.putArray("audit");
    for (AuditEntry entry : profile.audit()) {
      audit
          .addObject()
          .put("at", entry.at().toString())
          .put("actor", entry.actor())
          .put("action", entry.action())
          .put("before", entry.before())
          .put("after", entry.after())
          .put("reason", entry.reason());
    }
    return node;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
