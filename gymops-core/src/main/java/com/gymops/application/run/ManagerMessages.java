package com.gymops.application.run;

import com.gymops.application.port.store.Outbox;
import com.gymops.domain.Attachment;
import com.gymops.domain.Channel;
import com.gymops.domain.Club;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.OutboundMessage;
import com.gymops.policy.ContactRoute;
import com.gymops.policy.MessageTemplates;
import com.gymops.policy.SmsSegments;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Texts (or, without a phone, emails) to a club's manager: run summaries, the breaker's request to
 * confirm, failed runs and failed sends. The manager is staff, not a consumer, so these go out at
 * once rather than at the sending window; the key decides how often the same news may repeat.
 */
public final class ManagerMessages {
  private final Outbox outbox;
  private final MessageTemplates templates;

  public ManagerMessages(Outbox outbox, MessageTemplates templates) {
    this.outbox = outbox;
    this.templates = templates;
  }

  /**
   * Queues an email with a report file for the club's manager unless {@code key} was used before;
   * undeliverable when the club has no manager email.
   */
  public Outcome mailReport(
      Club club, String key, String subject, String text, Attachment attachment, Instant now) {
    if (club.managerEmail() == null) {
      return Outcome.undeliverable("no manager email configured for club " + club.id());
    }
    return outbox
        .enqueue(
            new OutboundMessage(
                0,
                key,
                club.id(),
                null,
                Channel.EMAIL,
                club.managerEmail(),
                MessagePurpose.MANAGER,
                "manager_report",
                subject,
                text,
                0,
                MessageStatus.QUEUED,
                now,
                now,
                null,
                null,
                null,
                attachment))
        .map(id -> Outcome.done("report queued to manager by email"))
        .orElseGet(Outcome::alreadyDone);
  }

  /** Queues {@code text} for the club's manager unless {@code key} was used before. */
  public Outcome notify(Club club, String key, String text, Instant now, String runId) {
    Optional<ContactRoute> route =
        club.managerPhone() != null
            ? Optional.of(new ContactRoute(Channel.SMS, club.managerPhone()))
            : Optional.ofNullable(club.managerEmail())
                .map(email -> new ContactRoute(Channel.EMAIL, email));
    if (route.isEmpty()) {
      return Outcome.undeliverable("no manager phone or email configured for club " + club.id());
    }
    String body =
        templates.render("manager_summary", Map.of("club_name", club.name(), "text", text));
    boolean sms = route.get().channel() == Channel.SMS;
    return outbox
        .enqueue(
            new OutboundMessage(
                0,
                key,
                club.id(),
                null,
                route.get().channel(),
                route.get().recipient(),
                MessagePurpose.MANAGER,
                "manager_summary",
                sms ? null : "GymOps report for " + club.name(),
                body,
                sms ? SmsSegments.of(body).segments() : 0,
                MessageStatus.QUEUED,
                now,
                now,
                null,
                null,
                runId))
        .map(id -> Outcome.done("queued to manager by " + route.get().channel().code()))
        .orElseGet(Outcome::alreadyDone);
  }
}
