package com.gymops.application.run;

import com.gymops.domain.WorkflowId;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The period a run belongs to, club-local: the hour for the hourly workflows, the day for the daily
 * ones, the month for invoices. Idempotency keys include it, so a rerun within the same period
 * finds every key taken and changes nothing.
 */
final class RunPeriod {
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

  private RunPeriod() {}

  /**
   * The instant the rules treat as now: the start of the hour for the hourly workflows, of the day
   * for the daily ones. Invoices are keyed by month but decided by the hour: they log collection
   * attempts, which the 72-hour and 7-day rules of the hourly reminders count, so their time must
   * be as precise as the reminders' own.
   */
  static Instant start(WorkflowId workflow, Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    return switch (workflow) {
      case PAST_DUE_MONITORING, DOOR_ACCESS, BATCH_INVOICES ->
          local.truncatedTo(ChronoUnit.HOURS).toInstant();
      case DAILY_CAMPAIGNS, COLLECTIONS_ESCALATION, COLLECTIONS_REFERRAL ->
          local.toLocalDate().atStartOfDay(zone).toInstant();
    };
  }

  static String of(WorkflowId workflow, Instant at, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofInstant(at, zone);
    return switch (workflow) {
      case PAST_DUE_MONITORING, DOOR_ACCESS -> local.format(HOUR);
      case DAILY_CAMPAIGNS, COLLECTIONS_ESCALATION, COLLECTIONS_REFERRAL -> local.format(DAY);
      case BATCH_INVOICES -> local.format(MONTH);
    };
  }
}
