package com.gymops.application.console;

import com.gymops.application.console.ClubSettingsView.Group;
import com.gymops.config.ClubSettings;
import com.gymops.config.WorkflowSchedule;
import com.gymops.domain.Money;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.ClubPolicy;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A club's effective settings as a manager reads them: in groups, each with its label and its unit
 * ("Firm reminder from $50.00", "At least 72 hours between two reminders", texting hours as times),
 * and beside each the configuration key that sets it (docs/MANAGER.md). Pure.
 */
final class SettingsWords {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.US);

  private SettingsWords() {}

  static List<Group> groups(ClubSettings club) {
    ClubPolicy policy = club.policy();
    List<Group> groups = new ArrayList<>();
    groups.add(
        new Group(
            "The club",
            List.of(
                new Setting("Time zone", club.club().zone().getId(), "timezone"),
                new Setting("Manager's phone", orDash(club.club().managerPhone()), "manager.phone"),
                new Setting(
                    "Manager's email", orDash(club.club().managerEmail()), "manager.email"))));
    List<Setting> workflows = new ArrayList<>();
    for (WorkflowId workflow : WorkflowId.values()) {
      WorkflowSchedule schedule =
          Optional.ofNullable(club.workflow(workflow))
              .orElse(WorkflowSchedule.defaultFor(workflow));
      workflows.add(
          new Setting(
              RunsQuery.title(workflow.id()),
              schedule.enabled() ? "on, " + schedule(schedule.schedule()) : "off",
              section(workflow) + ".enabled, schedule"));
    }
    groups.add(new Group("Workflows (club time)", workflows));
    var messaging = policy.messaging();
    groups.add(
        new Group(
            "Texting",
            List.of(
                new Setting(
                    "Texting hours",
                    time(messaging.window().start()) + " to " + time(messaging.window().end()),
                    "messaging.sending_window"),
                new Setting(
                    "Between two reminders",
                    "at least " + duration(messaging.reminderInterval()),
                    "collections.reminder_interval"),
                new Setting(
                    "Collection texts",
                    "at most "
                        + times(messaging.maxCollectionMessagesPer7Days(), "text")
                        + " to a member in 7 days",
                    "collections.max_per_7_days"))));
    var reminders = policy.reminders();
    groups.add(
        new Group(
            "Payment reminders",
            List.of(
                new Setting(
                    "Firm reminder from",
                    dollars(reminders.firmAmount())
                        + " owed, or after "
                        + times(reminders.firmAttempts(), "reminder"),
                    "collections.firm_amount, firm_attempts"),
                new Setting(
                    "Final reminder from",
                    dollars(reminders.finalAmount())
                        + " owed, or after "
                        + times(reminders.finalAttempts(), "reminder"),
                    "collections.final_amount, final_attempts"),
                new Setting(
                    "Door locked from",
                    dollars(reminders.lockAmount())
                        + " owed, or after "
                        + times(reminders.lockAttempts(), "reminder"),
                    "collections.lock_amount, lock_attempts"))));
    var access = policy.access();
    groups.add(
        new Group(
            "Door access",
            List.of(
                new Setting(
                    "Locks a member who owes at least",
                    dollars(access.minPastDueAmount()),
                    "access.min_past_due_amount"),
                new Setting(
                    "Grace period", days(access.gracePeriodDays()), "access.grace_period_days"),
                new Setting(
                    "Most locks in one run",
                    access.maxLocksPerRun() + " (more wait for the manager's approval)",
                    "access.max_locks_per_run"),
                new Setting(
                    "Locks outside texting hours",
                    access.lockOutsideWindow() ? "yes" : "no: they wait for texting hours",
                    "access.lock_outside_window"),
                new Setting(
                    "Warning text before a lock",
                    access.warnDaysBeforeLock() == 0
                        ? "none"
                        : days(access.warnDaysBeforeLock()) + " before",
                    "access.warn_days_before_lock"))));
    var escalation = policy.escalation();
    groups.add(
        new Group(
            "Escalation to the manager",
            List.of(
                new Setting(
                    "Only members who owe at least",
                    dollars(escalation.minAmount()),
                    "escalation.min_amount"),
                new Setting(
                    "Escalated when they owe over",
                    dollars(escalation.amountOver()),
                    "escalation.amount_over"),
                new Setting(
                    "or had this many reminders in 30 days",
                    Integer.toString(escalation.attempts30d()),
                    "escalation.attempts_30d"),
                new Setting(
                    "or are past due over",
                    days(escalation.daysPastDueOver()),
                    "escalation.days_past_due_over"),
                new Setting(
                    "or had this many failed reminders in 30 days",
                    Integer.toString(escalation.failedReminders30d()),
                    "escalation.failed_reminders_30d"),
                new Setting(
                    "An unchanged case is noted again after",
                    days(escalation.renoteDays()),
                    "escalation.renote_days"))));
    var referral = policy.referral();
    groups.add(
        new Group(
            "Referral to a collection agency",
            List.of(
                new Setting(
                    "Referred when they owe at least",
                    dollars(referral.minAmount()),
                    "referral.min_amount"),
                new Setting(
                    "after at least",
                    times(referral.minAttempts(), "reminder"),
                    "referral.min_attempts"),
                new Setting(
                    "and past due at least",
                    days(referral.minDaysPastDue()),
                    "referral.min_days_past_due"),
                new Setting(
                    "Every other week, counted from",
                    date(referral.anchorDate()),
                    "referral.anchor_date"))));
    var campaigns = policy.campaigns();
    groups.add(
        new Group(
            "Campaigns",
            List.of(
                new Setting(
                    "A member is new (\"green\") for",
                    days(campaigns.greenDays()),
                    "campaigns.green_days"),
                new Setting(
                    "Pay-per-visit offer at most once every",
                    days(campaigns.ppvIntervalDays()),
                    "campaigns.ppv_interval_days"))));
    var approvals = policy.approvals();
    groups.add(
        new Group(
            "Waits for the manager's approval",
            List.of(
                new Setting(
                    "A day's campaign of more than",
                    approvals.campaignRecipients() == 0
                        ? "never: campaigns just go"
                        : times(approvals.campaignRecipients(), "text"),
                    "approvals.campaign_recipients"),
                new Setting(
                    "Each referral list",
                    approvals.referralList() ? "yes" : "no",
                    "approvals.referral_list"),
                new Setting(
                    "Each lock", approvals.everyLock() ? "yes" : "no", "approvals.every_lock"))));
    return groups;
  }

  /** The configuration section that holds the workflow's schedule in the configuration. */
  private static String section(WorkflowId workflow) {
    return switch (workflow) {
      case DAILY_CAMPAIGNS -> "campaigns";
      case PAST_DUE_MONITORING -> "collections";
      case COLLECTIONS_ESCALATION -> "escalation";
      case COLLECTIONS_REFERRAL -> "referral";
      case BATCH_INVOICES -> "invoices";
      case DOOR_ACCESS -> "access";
    };
  }

  /** {@code 06:00} as "every day at 6 am", {@code hourly} as "every hour", and so on. */
  static String schedule(String schedule) {
    String[] words = schedule.trim().split("\\s+");
    try {
      return switch (words[0]) {
        case "hourly" -> "every hour";
        case "monthly" -> "on day " + words[1] + " of each month at " + time(parse(words[2]));
        case "fortnightly" -> "every other week (the referral weeks) at " + time(parse(words[1]));
        default -> "every day at " + time(parse(words[0]));
      };
    } catch (RuntimeException e) {
      return schedule;
    }
  }

  private static LocalTime parse(String time) {
    return LocalTime.parse(time.length() == 4 ? "0" + time : time);
  }

  /** 08:00 as "8 am", 20:30 as "8:30 pm", 12:00 as "noon", 00:00 as "midnight". */
  static String time(LocalTime time) {
    if (time.equals(LocalTime.NOON)) {
      return "noon";
    }
    if (time.equals(LocalTime.MIDNIGHT)) {
      return "midnight";
    }
    String pattern = time.getMinute() == 0 ? "h a" : "h:mm a";
    return DateTimeFormatter.ofPattern(pattern, Locale.US).format(time).toLowerCase(Locale.ROOT);
  }

  /** A duration in whole days, hours or minutes, as it reads best: "72 hours", "30 minutes". */
  static String duration(Duration duration) {
    long minutes = duration.toMinutes();
    if (minutes == 0) {
      return "none";
    }
    if (minutes % 60 != 0) {
      return times(minutes, "minute");
    }
    long hours = minutes / 60;
    return hours % 24 == 0 && hours > 72 ? times(hours / 24, "day") : times(hours, "hour");
  }

  static String dollars(Money money) {
    return ActionWords.dollars(money.toString());
  }

  private static String days(long days) {
    return times(days, "day");
  }

  private static String times(long count, String unit) {
    return String.format(Locale.US, "%,d", count) + " " + unit + (count == 1 ? "" : "s");
  }

  private static String date(LocalDate date) {
    return DATE.format(date);
  }

  private static String orDash(String text) {
    return text == null || text.isBlank() ? "-" : text;
  }
}
