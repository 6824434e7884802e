package com.gymops.application.run;

import com.gymops.application.port.store.Outbox;
import com.gymops.config.ChatWebhook;
import com.gymops.config.NotificationSettings;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Texts (or, without a phone, emails) to a club's manager: run summaries, the breaker's request to
 * confirm, failed runs and failed sends; and the same words to the manager's Slack and Teams
 * channels when the club has chat webhooks ({@link NotificationSettings#chats}). The manager is
 * staff, not a consumer, so these go out at once rather than at the sending window; the key decides
 * how often the same news may repeat.
 *
 * <p>Each chat post is an outbox row of its own (key {@code KEY:slack}, {@code KEY:teams}), so the
 * dispatcher delivers, retries and reports it like any message, and a chat that is down holds up
 * neither the text nor the run. The row's recipient is the webhook's redacted URL: the secret stays
 * in the environment.
 */
public final class ManagerMessages {
  private final Outbox outbox;
  private final MessageTemplates templates;
  private final NotificationSettings notifications;

  /** Without chat webhooks. */
  public ManagerMessages(Outbox outbox, MessageTemplates templates) {
    this(outbox, templates, NotificationSettings.OFF);
  }

  public ManagerMessages(
      Outbox outbox, MessageTemplates templates, NotificationSettings notifications) {
    this.outbox = outbox;
    this.templates = templates;
    this.notifications = notifications;
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

  /**
   * Queues {@code text} for the club's manager, and for each of the club's chat webhooks, unless
   * {@code key} was used before.
   */
  public Outcome notify(Club club, String key, String text, Instant now, String runId) {
    List<String> queued = new ArrayList<>();
    boolean taken = false;
    Optional<Outcome> direct = notifyDirect(club, key, text, now, runId);
    if (direct.isPresent() && direct.get().kind() == Outcome.Kind.DONE) {
      queued.add(direct.get().message());
    }
    taken |= direct.isPresent() && direct.get().kind() == Outcome.Kind.ALREADY_DONE;
    for (ChatWebhook chat : notifications.chats(club.id())) {
      Optional<Long> id =
          outbox.enqueue(
              new OutboundMessage(
                  0,
                  chatKey(key, chat),
                  club.id(),
                  null,
                  chat.channel(),
                  chat.redacted(),
                  MessagePurpose.MANAGER,
                  MessageTemplates.MANAGER_SUMMARY,
                  "GymOps: " + club.name(),
                  text,
                  0,
                  MessageStatus.QUEUED,
                  now,
                  now,
                  null,
                  null,
                  runId));
      if (id.isPresent()) {
        queued.add("queued to manager's " + chat.code() + " channel");
      } else {
        taken = true;
      }
    }
    if (!queued.isEmpty()) {
      return Outcome.done(String.join("; ", queued));
    }
    if (taken) {
      return Outcome.alreadyDone();
    }
    return direct.orElseGet(
        () ->
            Outcome.undeliverable(
                "no manager phone, email or chat webhook configured for club " + club.id()));
  }

  /** The outbox key of {@code key}'s post to {@code chat}. */
  public static String chatKey(String key, ChatWebhook chat) {
    return key + ":" + chat.code();
  }

  /** The text or email; empty when the club has neither a manager phone nor email. */
  private Optional<Outcome> notifyDirect(
      Club club, String key, String text, Instant now, String runId) {
    Optional<ContactRoute> route =
        club.managerPhone() != null
            ? Optional.of(new ContactRoute(Channel.SMS, club.managerPhone()))
            : Optional.ofNullable(club.managerEmail())
                .map(email -> new ContactRoute(Channel.EMAIL, email));
    if (route.isEmpty()) {
      return Optional.empty();
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
        .or(() -> Optional.of(Outcome.alreadyDone()));
  }
}
