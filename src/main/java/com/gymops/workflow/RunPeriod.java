package com.gymops.workflow;

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

  /** The first instant of the period that {@code at} falls in. */
  static Instant start(WorkflowId workflow, Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    return switch (workflow) {
      case PAST_DUE_MONITORING, DOOR_ACCESS -> local.truncatedTo(ChronoUnit.HOURS).toInstant();
      case DAILY_CAMPAIGNS, COLLECTIONS_ESCALATION, COLLECTIONS_REFERRAL ->
          local.toLocalDate().atStartOfDay(zone).toInstant();
      case BATCH_INVOICES -> local.toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
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
