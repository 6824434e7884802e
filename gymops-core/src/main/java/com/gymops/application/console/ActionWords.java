package com.gymops.application.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.domain.Money;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.RunEvent;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One action of a run in a manager's words: what was done to whom ("Texted Keisha Brown (M000123) a
 * friendly reminder about $42.50") and where it stands ("queued, waits for 8 am"). The state is the
 * true one: a text the run queued is "queued" until the dispatcher has sent it, then "sent",
 * "failed" or "suppressed" as the outbox says (docs/MANAGER.md). Pure.
 */
final class ActionWords {
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("h a", Locale.US);
  private static final DateTimeFormatter HOUR_MINUTE =
      DateTimeFormatter.ofPattern("h:mm a", Locale.US);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.US);

  /** Where the member goes in a sentence, so that the page can link their name. */
  private static final String WHO = "\u0000";

  private ActionWords() {}

  /**
   * The action as a sentence and its state.
   *
   * @param who the member as "Name (id)", or the id alone when the member is gone; null for the
   *     club's manager
   * @param message the text or email the action queued, or null
   * @param zone the club's time zone, for the time a queued text waits for
   * @param now the time of the page, to tell a text that waits from one that is due
   */
  static RunThread.Action of(
      RunEvent event, String who, OutboundMessage message, ZoneId zone, Instant now) {
    Map<String, String> inputs = inputs(event.inputsJson());
    String outcome = event.outcome();
    boolean planned = outcome.equals("planned");
    String sentence = sentence(event, WHO, inputs, message, planned);
    int at = sentence.indexOf(WHO);
    State state = state(outcome, message, zone, now);
    return new RunThread.Action(
        event.seq(),
        event.memberId() == null ? "" : event.memberId().value(),
        at < 0 ? sentence : sentence.substring(0, at),
        who == null ? "the manager" : who,
        at < 0 ? "" : sentence.substring(at + WHO.length()),
        state.word(),
        state.text(),
        event.rule(),
        inputs,
        event.inputsJson() == null ? "" : event.inputsJson(),
        message == null ? "" : message.body());
  }

  private static String sentence(
      RunEvent event,
      String who,
      Map<String, String> inputs,
      OutboundMessage message,
      boolean planned) {
    String detail = event.detail() == null ? "" : event.detail();
    String amount = inputs.containsKey("amount") ? dollars(inputs.get("amount")) : null;
    String about = amount == null ? "" : " about " + amount;
    String verb = verb(message, planned);
    return switch (event.action()) {
      case "send_reminder" -> verb + " " + who + " a " + detail + " reminder" + about;
      case "send_invoice" -> verb + " " + who + " an invoice for " + dollars(detail);
      case "send_campaign" -> verb + " " + who + " the " + words(detail) + " campaign";
      case "send_message" -> verb + " " + who + " the " + words(detail) + " text" + about;
      case "lock_door" ->
          (planned ? "Would lock the door of " : "Locked the door of ")
              + who
              + (amount == null ? "" : ": owes " + amount)
              + days(inputs);
      case "unlock_door" -> (planned ? "Would unlock the door of " : "Unlocked the door of ") + who;
      case "manual_lock" -> "Locked the door of " + who + " by hand";
      case "manual_unlock" -> "Unlocked the door of " + who + " by hand";
      case "add_note" -> note(detail, planned) + who + reasons(inputs);
      case "refer_to_collections" ->
          (planned ? "Would refer " : "Referred ")
              + who
              + " to collections for "
              + dollars(detail)
              + (inputs.containsKey("attempts")
                  ? " after " + inputs.get("attempts") + " reminders"
                  : "");
      case "notify_manager" -> verb + " the manager the run's " + words(detail);
      default -> words(event.action()) + " " + words(detail) + " for " + who;
    };
  }

  /** A note's detail, {@code priority/category}, as "Added a billing note (normal) for ". */
  private static String note(String detail, boolean planned) {
    int slash = detail.indexOf('/');
    String priority = slash < 0 ? "" : detail.substring(0, slash);
    String category = slash < 0 ? detail : detail.substring(slash + 1);
    return (planned ? "Would add a " : "Added a ")
        + words(category)
        + " note"
        + (priority.isEmpty() ? "" : " (" + priority + ")")
        + " for ";
  }

  private static String reasons(Map<String, String> inputs) {
    String reasons = inputs.get("reasons");
    return reasons == null || reasons.isBlank()
        ? ""
        : ": " + words(reasons).replace(",", ", ").replaceAll("\\s+", " ");
  }

  private static String verb(OutboundMessage message, boolean planned) {
    if (planned) {
      return "Would send";
    }
    if (message == null) {
      return "Sent";
    }
    return switch (message.channel()) {
      case SMS -> "Texted";
      case EMAIL -> "Emailed";
      case SLACK -> "Posted in Slack";
      case TEAMS -> "Posted in Teams";
    };
  }

  private static String days(Map<String, String> inputs) {
    String days = inputs.get("days_past_due");
    return days == null ? "" : ", " + days + " days past due";
  }

  /** The state's one word (a CSS class too) and its words. */
  record State(String word, String text) {}

  static State state(String outcome, OutboundMessage message, ZoneId zone, Instant now) {
    if (outcome.startsWith("failed")) {
      return new State("failed", outcome);
    }
    switch (outcome) {
      case "planned":
        return new State("planned", "planned: a dry run changes nothing");
      case "held":
        return new State("held", "held for the manager's approval");
      case "deferred":
        return new State("deferred", "deferred to the agent's next review");
      case "undeliverable":
        return new State("failed", "not sent: no phone or email that can take it");
      default:
        break;
    }
    if (message == null) {
      return new State("done", outcome);
    }
    String error = message.error() == null ? "" : ": " + message.error();
    return switch (message.status()) {
      case QUEUED ->
          message.notBefore().isAfter(now)
              ? new State("queued", "queued, waits for " + when(message.notBefore(), zone, now))
              : new State("queued", "queued, goes out with the next send");
      case SENDING -> new State("queued", "being sent");
      case SENT -> new State("sent", "sent");
      case DELIVERED -> new State("sent", "sent and delivered");
      case LOGGED -> new State("logged", "logged, not sent (" + noProvider(message) + ")");
      case FAILED -> new State("failed", "failed" + error);
      case SUPPRESSED -> new State("suppressed", "suppressed" + error);
    };
  }

  /** Why a message was only logged: its channel has no real provider configured. */
  static String noProvider(OutboundMessage message) {
    return switch (message.channel()) {
      case SMS -> "no SMS provider";
      case EMAIL -> "no email provider";
      case SLACK, TEAMS -> "no " + message.channel().code() + " webhook";
    };
  }

  /** "8 am" today, "Tue 1 Dec 8 am" another day, in the club's zone. */
  static String when(Instant at, ZoneId zone, Instant now) {
    ZonedDateTime local = at.atZone(zone);
    String time =
        (local.getMinute() == 0 ? HOUR : HOUR_MINUTE).format(local).toLowerCase(Locale.ROOT);
    return local.toLocalDate().equals(now.atZone(zone).toLocalDate())
        ? time
        : DAY.format(local) + " " + time;
  }

  /** {@code 1234.5} as {@code $1,234.50}; the text itself when it is not an amount. */
  static String dollars(String amount) {
    try {
      return Money.parse(amount).dollars();
    } catch (IllegalArgumentException | NullPointerException e) {
      return amount;
    }
  }

  /** A key such as {@code green_member_welcome} as words. */
  static String words(String key) {
    return key == null ? "" : key.replace('_', ' ').replace('-', ' ').trim();
  }

  /** An action's stored inputs as a map; empty when there are none or they do not read. */
  static Map<String, String> inputs(String json) {
    Map<String, String> inputs = new LinkedHashMap<>();
    if (json == null || json.isBlank()) {
      return inputs;
    }
    try {
      JsonNode node = Formats.JSON.readTree(json);
      node.properties()
          .forEach(
              e ->
                  inputs.put(
                      e.getKey(),
                      e.getValue().isValueNode()
                          ? e.getValue().asText()
                          : e.getValue().toString()));
    } catch (IOException e) {
      inputs.put("inputs", json);
    }
    return inputs;
  }
}
