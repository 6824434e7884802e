package com.gymops.policy;

import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What the collection rules know about one member's current delinquency at the start of a run
 * (docs/WORKFLOWS.md, definitions). Every "in the last N" window is the half-open interval {@code
 * (now - N, now]}: a contact exactly N ago has left the window.
 *
 * @param pastDueSince the first day of the delinquency; {@code null} when the member is paid up
 * @param daysPastDue club-local date(now) minus {@code pastDueSince}, in whole days; 0 when paid up
 * @param attempts reminders since {@code pastDueSince} (club-local start of day) that did not fail
 *     and were not suppressed before they left
 * @param attempts30d those of {@code attempts} in the last 30 days
 * @param failedReminders30d reminders in the last 30 days whose delivery failed
 * @param lastReminder the latest reminder of any outcome, a suppressed one included
 * @param collectionMessages7d reminders and invoices in the last 7 days that did not fail
 * @param lastContact the latest reminder or invoice that did not fail
 */
public record CollectionFacts(
    Money amount,
    LocalDate pastDueSince,
    long daysPastDue,
    int attempts,
    int attempts30d,
    int failedReminders30d,
    Optional<Instant> lastReminder,
    int collectionMessages7d,
    Optional<Instant> lastContact) {

  private static final Duration THIRTY_DAYS = Duration.ofDays(30);
  private static final Duration SEVEN_DAYS = Duration.ofDays(7);

  public static CollectionFacts of(MemberSnapshot snapshot, Instant now, ZoneId zone) {
    LocalDate pastDueSince = snapshot.member().pastDueSince();
    LocalDate today = LocalDate.ofInstant(now, zone);
    // A balance without a start date is bad data; reading it as "since today" never counts old
    // reminders against the member and never locks anyone on a guess.
    LocalDate since = pastDueSince == null ? today : pastDueSince;
    Instant delinquencyStart = since.atStartOfDay(zone).toInstant();
    Instant thirtyDaysAgo = now.minus(THIRTY_DAYS);
    Instant sevenDaysAgo = now.minus(SEVEN_DAYS);

    int attempts = 0;
    int attempts30d = 0;
    int failedReminders30d = 0;
    int collectionMessages7d = 0;
    Instant lastReminder = null;
    Instant lastContact = null;
    for (CollectionAttempt attempt : snapshot.attempts()) {
      Instant at = attempt.attemptedAt();
      boolean failed = attempt.outcome() == AttemptOutcome.FAILED;
      boolean suppressed = attempt.outcome() == AttemptOutcome.SUPPRESSED;
      if (attempt.kind().isReminder()) {
        // Any reminder, even an undeliverable or a cancelled one, restarts the interval: otherwise
        // a member without a working phone or email would be retried every hour, and a reminder a
        // manager cancelled would be written again at the next hourly run.
        lastReminder = latest(lastReminder, at);
        if (suppressed) {
          continue;
        }
        if (!failed && !at.isBefore(delinquencyStart)) {
          attempts++;
          if (at.isAfter(thirtyDaysAgo)) {
            attempts30d++;
          }
        }
        if (failed && at.isAfter(thirtyDaysAgo)) {
          failedReminders30d++;
        }
      }
      if (!failed && !suppressed) {
        lastContact = latest(lastContact, at);
        if (at.isAfter(sevenDaysAgo)) {
          collectionMessages7d++;
        }
      }
    }
    long daysPastDue = Math.max(0, ChronoUnit.DAYS.between(since, today));
    return new CollectionFacts(
        snapshot.member().pastDue(),
        pastDueSince,
        daysPastDue,
        attempts,
        attempts30d,
        failedReminders30d,
        Optional.ofNullable(lastReminder),
        collectionMessages7d,
        Optional.ofNullable(lastContact));
  }

  private static Instant latest(Instant current, Instant candidate) {
    return current == null || candidate.isAfter(current) ? candidate : current;
  }
}
