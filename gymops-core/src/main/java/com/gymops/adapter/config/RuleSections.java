package com.gymops.adapter.config;

import com.gymops.config.WorkflowSchedule;
import com.gymops.domain.Money;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.AccessRules;
import com.gymops.policy.CampaignRules;
import com.gymops.policy.ClubPolicy;
import com.gymops.policy.EscalationRules;
import com.gymops.policy.MessagingRules;
import com.gymops.policy.ReferralRules;
import com.gymops.policy.ReminderRules;
import com.gymops.policy.SendingWindow;
import com.gymops.policy.TextingHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the rule and workflow sections ({@code collections}, {@code access}, {@code escalation},
 * {@code referral}, {@code invoices}, {@code campaigns} and {@code messaging.sending_window}) of
 * one scope: the top level with the built-in defaults, or a club with the top level as defaults.
 */
final class RuleSections {
  private static final int NO_LIMIT = Integer.MAX_VALUE;
  private static final Money CENT = Money.ofCents(1);

  /** Messaging settings that are about providers and wording, which one deployment shares. */
  private static final List<String> GLOBAL_MESSAGING_KEYS =
      List.of(
          "sms_provider",
          "email_provider",
          "default_region",
          "opt_out_text",
          "templates",
          "sms_rate_per_second",
          "public_base_url",
          "pay_link",
          "smtp");

  private RuleSections() {}

  static ClubRules read(ConfigNode scope, ClubRules defaults, boolean perClub) {
    ClubPolicy policy = defaults.policy();
    ConfigNode messaging = scope.section("messaging");
    if (perClub) {
      for (String key : GLOBAL_MESSAGING_KEYS) {
        messaging.forbid(key, "applies to every club; set it in the top-level messaging section");
      }
    }
    SendingWindow window = window(messaging.section("sending_window"), policy.messaging().window());
    ConfigNode collections = scope.section("collections");
    ClubPolicy read =
        new ClubPolicy(
            messagingRules(collections, window, policy.messaging()),
            reminders(collections, policy.reminders()),
            access(scope.section("access"), policy.access()),
            escalation(scope.section("escalation"), policy.escalation()),
            referral(scope.section("referral"), policy.referral()),
            campaigns(scope.section("campaigns"), policy.campaigns()));
    Map<WorkflowId, WorkflowSchedule> workflows = new EnumMap<>(WorkflowId.class);
    for (WorkflowId workflow : WorkflowId.values()) {
      workflows.put(
          workflow,
          schedule(
              scope.section(sectionOf(workflow)), workflow, defaults.workflows().get(workflow)));
    }
    return new ClubRules(read, workflows);
  }

  static String sectionOf(WorkflowId workflow) {
    return switch (workflow) {
      case DAILY_CAMPAIGNS -> "campaigns";
      case PAST_DUE_MONITORING -> "collections";
      case COLLECTIONS_ESCALATION -> "escalation";
      case COLLECTIONS_REFERRAL -> "referral";
      case BATCH_INVOICES -> "invoices";
      case DOOR_ACCESS -> "access";
    };
  }

  private static WorkflowSchedule schedule(
      ConfigNode section, WorkflowId workflow, WorkflowSchedule defaults) {
    boolean fortnightlyAllowed = workflow == WorkflowId.COLLECTIONS_REFERRAL;
    return new WorkflowSchedule(
        section.bool("enabled", defaults.enabled()),
        section.value(
            "schedule",
            defaults.schedule(),
            text -> ScheduleFormat.check(text, fortnightlyAllowed)));
  }

  private static SendingWindow window(ConfigNode section, SendingWindow defaults) {
    LocalTime start = section.timeOfDay("start", defaults.start());
    LocalTime end = section.timeOfDay("end", defaults.end());
    SendingWindow window = section.build(() -> new SendingWindow(start, end), defaults);
    if (!TextingHours.overlapsFederalHours(window)) {
      section.problemAt(
          "start",
          "the window "
              + window.start()
              + "-"
              + window.end()
              + " lies outside the federal texting hours 08:00-21:00, so no text could ever be"
              + " sent; choose hours between 08:00 and 21:00");
    }
    return window;
  }

  private static MessagingRules messagingRules(
      ConfigNode collections, SendingWindow window, MessagingRules defaults) {
    Duration interval = collections.duration("reminder_interval", defaults.reminderInterval());
    int maxPer7Days =
        collections.integer(
            "max_per_7_days", defaults.maxCollectionMessagesPer7Days(), 0, NO_LIMIT);
    return collections.build(
        () -> new MessagingRules(window, interval, maxPer7Days),
        new MessagingRules(
            window, defaults.reminderInterval(), defaults.maxCollectionMessagesPer7Days()));
  }

  private static ReminderRules reminders(ConfigNode section, ReminderRules defaults) {
    Money firmAmount = section.money("firm_amount", defaults.firmAmount(), Money.ZERO);
    int firmAttempts = section.integer("firm_attempts", defaults.firmAttempts(), 0, NO_LIMIT);
    Money finalAmount = section.money("final_amount", defaults.finalAmount(), Money.ZERO);
    int finalAttempts = section.integer("final_attempts", defaults.finalAttempts(), 0, NO_LIMIT);
    Money lockAmount = section.money("lock_amount", defaults.lockAmount(), Money.ZERO);
    int lockAttempts = section.integer("lock_attempts", defaults.lockAttempts(), 0, NO_LIMIT);
    return section.build(
        () ->
            new ReminderRules(
                firmAmount, firmAttempts, finalAmount, finalAttempts, lockAmount, lockAttempts),
        defaults);
  }

  private static AccessRules access(ConfigNode section, AccessRules defaults) {
    Money minPastDue = section.money("min_past_due_amount", defaults.minPastDueAmount(), CENT);
    int graceDays = section.integer("grace_period_days", defaults.gracePeriodDays(), 0, NO_LIMIT);
    int maxLocks = section.integer("max_locks_per_run", defaults.maxLocksPerRun(), 1, NO_LIMIT);
    boolean outsideWindow = section.bool("lock_outside_window", defaults.lockOutsideWindow());
    int warnDays =
        section.integer("warn_days_before_lock", defaults.warnDaysBeforeLock(), 0, NO_LIMIT);
    return section.build(
        () -> new AccessRules(minPastDue, graceDays, maxLocks, outsideWindow, warnDays), defaults);
  }

  private static EscalationRules escalation(ConfigNode section, EscalationRules defaults) {
    Money minAmount = section.money("min_amount", defaults.minAmount(), Money.ZERO);
    Money amountOver = section.money("amount_over", defaults.amountOver(), Money.ZERO);
    int attempts = section.integer("attempts_30d", defaults.attempts30d(), 0, NO_LIMIT);
    int daysOver = section.integer("days_past_due_over", defaults.daysPastDueOver(), 0, NO_LIMIT);
    int failed =
        section.integer("failed_reminders_30d", defaults.failedReminders30d(), 0, NO_LIMIT);
    int renoteDays = section.integer("renote_days", defaults.renoteDays(), 0, NO_LIMIT);
    return section.build(
        () -> new EscalationRules(minAmount, amountOver, attempts, daysOver, failed, renoteDays),
        defaults);
  }

  private static ReferralRules referral(ConfigNode section, ReferralRules defaults) {
    LocalDate anchor =
        section.value(
            "anchor_date",
            defaults.anchorDate(),
            text -> {
              LocalDate date = ConfigNode.parseDate(text);
              if (date.getDayOfWeek() != DayOfWeek.MONDAY) {
                throw new IllegalArgumentException(
                    date + " is a " + displayName(date.getDayOfWeek()) + ", not a Monday");
              }
              return date;
            });
    int attempts = section.integer("min_attempts", defaults.minAttempts(), 0, NO_LIMIT);
    int days = section.integer("min_days_past_due", defaults.minDaysPastDue(), 0, NO_LIMIT);
    Money minAmount = section.money("min_amount", defaults.minAmount(), Money.ZERO);
    return section.build(() -> new ReferralRules(anchor, attempts, days, minAmount), defaults);
  }

  private static CampaignRules campaigns(ConfigNode section, CampaignRules defaults) {
    int greenDays = section.integer("green_days", defaults.greenDays(), 0, NO_LIMIT);
    int ppvDays = section.integer("ppv_interval_days", defaults.ppvIntervalDays(), 0, NO_LIMIT);
    return section.build(() -> new CampaignRules(greenDays, ppvDays), defaults);
  }

  private static String displayName(DayOfWeek day) {
    return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
