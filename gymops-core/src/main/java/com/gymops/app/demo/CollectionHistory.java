package com.gymops.app.demo;

import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.Member;
import com.gymops.domain.MemberStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The reminders and invoices a club already sent before GymOps took over: what the workflows find
 * on their first run. Everything lies strictly before the start of {@code today} in the club's
 * zone, inside the 08:00-20:00 sending window.
 */
final class CollectionHistory {
  /** Delinquent members the old process had not reached yet: the first reminder is GymOps' job. */
  private static final double NOT_YET_CONTACTED = 0.12;

  private static final double DELIVERY_FAILS = 0.08;
  private static final double DELIVERY_CONFIRMED = 0.85;

  /**
   * Members with reminders from an earlier, settled delinquency. Those must not count towards the
   * current one (docs/WORKFLOWS.md: attempts are counted since {@code past_due_since}).
   */
  private static final double SETTLED_BEFORE_WHEN_PAST_DUE = 0.15;

  private static final double SETTLED_BEFORE_WHEN_PAID_UP = 0.03;

  private static final int MAX_REMINDERS = 12;
  private static final Duration REMINDER_INTERVAL = Duration.ofHours(72);
  private static final int MAX_EXTRA_WAIT_MINUTES = 7 * 24 * 60;
  private static final LocalTime WINDOW_OPENS = LocalTime.of(8, 0);
  private static final LocalTime WINDOW_CLOSES = LocalTime.of(20, 0);
  private static final int WINDOW_MINUTES = 12 * 60;

  private final ZoneId zone;
  private final LocalDate today;
  private final Instant horizon;

  CollectionHistory(LocalDate today, ZoneId zone) {
    this.zone = zone;
    this.today = today;
    this.horizon = today.atStartOfDay(zone).toInstant();
  }

  /** The member's contacts in time order; none for prospects, who never owed anything. */
  List<CollectionAttempt> of(Member member, SplittableRandom random) {
    if (member.status() == MemberStatus.PROSPECT || member.joinedOn() == null) {
      return List.of();
    }
    List<CollectionAttempt> attempts = new ArrayList<>();
    double settledShare =
        member.isPastDue() ? SETTLED_BEFORE_WHEN_PAST_DUE : SETTLED_BEFORE_WHEN_PAID_UP;
    if (random.nextDouble() < settledShare) {
      addSettledDelinquency(
          member, member.isPastDue() ? member.pastDueSince() : today, attempts, random);
    }
    if (member.isPastDue()) {
      if (random.nextDouble() >= NOT_YET_CONTACTED) {
        addReminders(member, member.pastDueSince(), horizon, MAX_REMINDERS, attempts, random);
      }
      addInvoices(member, attempts, random);
    }
    attempts.sort(Comparator.comparing(CollectionAttempt::attemptedAt));
    return attempts;
  }

  /** One to three reminders some weeks or months before {@code before}, after joining. */
  private void addSettledDelinquency(
      Member member, LocalDate before, List<CollectionAttempt> attempts, SplittableRandom random) {
    LocalDate settledOn = before.minusDays(random.nextInt(20, 200));
    LocalDate began = settledOn.minusDays(random.nextInt(5, 30));
    if (began.isBefore(member.joinedOn())) {
      return;
    }
    Instant end = settledOn.atStartOfDay(zone).toInstant();
    addReminders(member, began, end, random.nextInt(1, 4), attempts, random);
  }

  /**
   * Reminders from {@code start} on, at least 72 hours apart, escalating with their count the way
   * the past-due policy does: the first is friendly, the next two firm, the rest final.
   */
  private void addReminders(
      Member member,
      LocalDate start,
      Instant end,
      int maxCount,
      List<CollectionAttempt> attempts,
      SplittableRandom random) {
    Instant at =
        start
            .plusDays(random.nextInt(0, 3))
            .atTime(WINDOW_OPENS)
            .plusMinutes(random.nextInt(WINDOW_MINUTES))
            .atZone(zone)
            .toInstant();
    for (int count = 0; count < maxCount && at.isBefore(end); count++) {
      AttemptKind kind =
          count == 0 ? AttemptKind.FRIENDLY : count < 3 ? AttemptKind.FIRM : AttemptKind.FINAL;
      attempts.add(contact(member, at, kind, random));
      Instant earliestNext = at.plus(REMINDER_INTERVAL);
      at =
          insideWindow(
              earliestNext.plus(Duration.ofMinutes(random.nextInt(MAX_EXTRA_WAIT_MINUTES))),
              random);
    }
  }

  /** The batch invoice goes out on the 1st of every month the balance has been open. */
  private void addInvoices(
      Member member, List<CollectionAttempt> attempts, SplittableRandom random) {
    LocalDate since = member.pastDueSince();
    LocalDate first = since.withDayOfMonth(1);
    if (first.isBefore(since)) {
      first = first.plusMonths(1);
    }
    for (LocalDate day = first; day.isBefore(today); day = day.plusMonths(1)) {
      Instant at =
          day.atTime(WINDOW_OPENS).plusMinutes(random.nextInt(60)).atZone(zone).toInstant();
      attempts.add(contact(member, at, AttemptKind.INVOICE, random));
    }
  }

  /**
   * By SMS unless the member has no phone or replied STOP, then by e-mail; with no e-mail either
   * the contact is recorded as failed, as GymOps records an undeliverable reminder.
   */
  private CollectionAttempt contact(
      Member member, Instant at, AttemptKind kind, SplittableRandom random) {
    boolean bySms = member.phone() != null && !member.smsOptedOut();
    Channel channel = bySms ? Channel.SMS : Channel.EMAIL;
    AttemptOutcome outcome;
    if (!bySms && member.email() == null) {
      outcome = AttemptOutcome.FAILED;
    } else if (random.nextDouble() < DELIVERY_FAILS) {
      outcome = AttemptOutcome.FAILED;
    } else {
      outcome =
          random.nextDouble() < DELIVERY_CONFIRMED ? AttemptOutcome.DELIVERED : AttemptOutcome.SENT;
    }
    return new CollectionAttempt(member.id(), at, kind, channel, outcome);
  }

  /** Moves a time forward into the sending window; never backward, so spacing only grows. */
  private Instant insideWindow(Instant at, SplittableRandom random) {
    ZonedDateTime local = at.atZone(zone);
    LocalTime time = local.toLocalTime();
    if (time.isBefore(WINDOW_OPENS)) {
      return local.with(WINDOW_OPENS).plusMinutes(random.nextInt(90)).toInstant();
    }
    if (!time.isBefore(WINDOW_CLOSES)) {
      return local.plusDays(1).with(WINDOW_OPENS).plusMinutes(random.nextInt(90)).toInstant();
    }
    return at;
  }
}
