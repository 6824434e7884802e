package com.gymops.application.console;

import com.gymops.domain.Approval;
import com.gymops.domain.Money;
import com.gymops.domain.WorkflowId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the console writes for a manager instead of the engine's codes: dollar amounts, workflow
 * titles, the name of each kind of approval and action, times of day (docs/MANAGER.md, "The
 * console"). The CLI and the JSON API keep the codes.
 */
public final class ManagerWords {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.US);

  private ManagerWords() {}

  /** {@code $6,488.68}. */
  public static String dollars(Money money) {
    return money.dollars();
  }

  /** A count with its noun in the right number. */
  public static String count(long n, String one, String many) {
    return String.format(Locale.US, "%,d %s", n, n == 1 ? one : many);
  }

  public static String workflow(WorkflowId workflow) {
    return switch (workflow) {
      case DAILY_CAMPAIGNS -> "Daily campaign";
      case PAST_DUE_MONITORING -> "Payment reminders";
      case COLLECTIONS_ESCALATION -> "Escalations";
      case COLLECTIONS_REFERRAL -> "Collections referral";
      case BATCH_INVOICES -> "Monthly invoices";
      case DOOR_ACCESS -> "Door access";
    };
  }

  public static String kind(Approval.Kind kind) {
    return switch (kind) {
      case LARGE_CAMPAIGN -> "Campaign texts";
      case REFERRAL_LIST -> "Referral list for the collections agency";
      case LOCKS_OVER_LIMIT -> "Door locks over the limit";
      case AGENT_HOLD -> "Actions the assistant held for you";
      case LOCK -> "Door lock";
      case REQUEST -> "Asked for through Ask GymOps";
      case MESSAGE -> "One-off text, asked for through Ask GymOps";
    };
  }

  /** Whether an action of this kind is a text or email to a member, one text per template. */
  static boolean isText(String action) {
    return switch (action) {
      case "send_campaign", "send_message", "send_reminder", "send_invoice" -> true;
      default -> false;
    };
  }

  /** Whether the detail of such an action tells its texts apart (a template or a tier). */
  static boolean detailIsTemplate(String action) {
    return switch (action) {
      case "send_campaign", "send_message", "send_reminder" -> true;
      default -> false;
    };
  }

  /**
   * What {@code n} actions of one kind are, e.g. "190 welcome texts to prospects", "60 referrals to
   * the collections agency". {@code detail} is the template or tier of a text, else ignored.
   */
  static String actions(String action, String detail, long n) {
    return switch (action) {
      case "send_campaign", "send_message" -> count(n, text(detail), texts(detail));
      case "send_reminder" -> count(n, detail + " payment reminder", detail + " payment reminders");
      case "send_invoice" -> count(n, "invoice text", "invoice texts");
      case "lock_door", "manual_lock" -> count(n, "door lock", "door locks");
      case "unlock_door", "manual_unlock" -> count(n, "door unlock", "door unlocks");
      case "add_note" -> count(n, "staff note", "staff notes");
      case "refer_to_collections" ->
          count(n, "referral to the collections agency", "referrals to the collections agency");
      case "notify_manager" -> count(n, "text to you, the manager", "texts to you, the manager");
      default -> count(n, action.replace('_', ' '), action.replace('_', ' ') + "s");
    };
  }

  /** One action on a member's line of the review list, e.g. "referral, $119.94". */
  static String action(String action, String detail) {
    return switch (action) {
      case "send_campaign", "send_message" -> text(detail);
      case "send_reminder" -> detail + " payment reminder";
      case "send_invoice" -> "invoice text, " + ActionWords.dollars(detail);
      case "lock_door", "manual_lock" -> "door lock";
      case "unlock_door", "manual_unlock" -> "door unlock";
      case "add_note" -> "staff note (" + detail.replace("/", ", ") + ")";
      case "refer_to_collections" -> "referral to the agency, " + ActionWords.dollars(detail);
      case "notify_manager" -> "text to you, the manager";
      default -> action.replace('_', ' ') + " " + detail;
    };
  }

  /** A text's template in words: "welcome text to prospects". */
  static String text(String template) {
    return switch (template == null ? "" : template) {
      case "prospect_welcome" -> "welcome text to prospects";
      case "green_member_welcome" -> "welcome text to new members";
      case "ppv_conversion" -> "membership offer to pay-per-visit members";
      case "monthly_special" -> "monthly special";
      case "access_locked" -> "door-locked text";
      case "access_restored" -> "door-unlocked text";
      case "lock_warning" -> "lock warning";
      case "reminder_friendly" -> "friendly payment reminder";
      case "reminder_firm" -> "firm payment reminder";
      case "reminder_final" -> "final payment reminder";
      case "reminder_locked" -> "payment reminder to a locked member";
      case "invoice" -> "invoice text";
      case "manager_summary" -> "summary to you, the manager";
      case "one_off_message" -> "one-off text";
      case "" -> "text";
      default -> "\"" + template.replace('_', ' ') + "\" text";
    };
  }

  /** The plural of {@link #text}: "welcome texts to prospects". */
  static String texts(String template) {
    String one = text(template);
    int at = one.indexOf(" to ");
    if (one.endsWith("text")
        || one.endsWith("reminder")
        || one.endsWith("warning")
        || one.endsWith("special")
        || one.endsWith("offer")) {
      return one + "s";
    }
    if (at > 0) {
      return one.substring(0, at) + "s" + one.substring(at);
    }
    return one + "s";
  }

  /** A time of day as a manager says it, "8:00 am"; with the day when it is not today. */
  static String when(Instant at, Instant now, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    String time =
        DateTimeFormatter.ofPattern("h:mm a", Locale.US).format(local).toLowerCase(Locale.ROOT);
    LocalDate today = now.atZone(zone).toLocalDate();
    if (local.toLocalDate().equals(today)) {
      return time;
    }
    if (local.toLocalDate().equals(today.plusDays(1))) {
      return time + " tomorrow";
    }
    return time + " " + DAY.format(local);
  }
}
