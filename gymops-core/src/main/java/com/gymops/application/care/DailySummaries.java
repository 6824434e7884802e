package com.gymops.application.care;

import com.gymops.application.port.store.ApprovalStore;
import com.gymops.application.port.store.Outbox;
import com.gymops.application.port.store.SummaryReads;
import com.gymops.application.run.ManagerMessages;
import com.gymops.application.run.Outcome;
import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Approval;
import com.gymops.domain.ClubId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's daily summary ({@code notifications.daily_summary_at}): composed from the
 * club-day's activity by {@link DailySummaryText} and queued to the manager as every manager alert
 * is, through {@link ManagerMessages} and the outbox, so the dispatcher's guard and channel choice
 * apply.
 *
 * <p>Exactly once per club and club-day: the message's key is {@code daily-summary:CLUB:DATE}, and
 * the outbox takes a key once, so a second tick, a restart or another node finds it taken and
 * queues nothing. {@code serve} calls {@link #sendDue} every minute; a summary whose time passed
 * while no node was running goes out at the next tick of the same club-day (missed days are not
 * caught up, like missed fires).
 */
public final class DailySummaries {
  static final String KEY_PREFIX = "daily-summary:";

  private static final Logger LOG = LoggerFactory.getLogger(DailySummaries.class);

  private final GymOpsConfig config;
  private final SummaryReads reads;
  private final ApprovalStore approvals;
  private final Outbox outbox;
  private final ManagerMessages manager;
  private final Clock clock;

  public DailySummaries(
      GymOpsConfig config,
      SummaryReads reads,
      ApprovalStore approvals,
      Outbox outbox,
      ManagerMessages manager,
      Clock clock) {
    this.config = config;
    this.reads = reads;
    this.approvals = approvals;
    this.outbox = outbox;
    this.manager = manager;
    this.clock = clock;
  }

  /** A club's summary and the day it covers. */
  public record Summary(ClubId club, LocalDate day, String text) {}

  /**
   * The summary of {@code day} (club-local) as the manager would read it now: a day still running
   * is summarised up to now; pending approvals are those pending now. Sends nothing.
   */
  public Summary preview(ClubSettings club, LocalDate day) {
    ZoneId zone = club.club().zone();
    Instant now = clock.instant();
    Instant from = day.atStartOfDay(zone).toInstant();
    // The whole club-day: of a day still running, what happened so far is all there is.
    Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
    SummaryReads.Activity activity =
        reads.activity(club.club().id(), from, end, now.isBefore(end) ? now : end);
    List<Approval> pending =
        approvals.list(club.club().id(), true).stream()
            .filter(a -> a.expiresAt().isAfter(now))
            .toList();
    return new Summary(
        club.club().id(), day, DailySummaryText.compose(day, activity, pending, approvalsLink()));
  }

  /** The club-day of the club's summary now. */
  public LocalDate today(ClubSettings club) {
    return LocalDate.ofInstant(clock.instant(), club.club().zone());
  }

  /**
   * Queues today's summary for every club whose summary time has passed and whose summary is not
   * queued yet. One club's failure is logged and does not hold up the others.
   *
   * @return what was done per club that was due
   */
  public List<Outcome> sendDue() {
    Optional<LocalTime> at = config.notifications().summaryTime();
    if (at.isEmpty()) {
      return List.of();
    }
    List<Outcome> outcomes = new ArrayList<>();
    Instant now = clock.instant();
    for (ClubSettings club : config.clubs()) {
      ZoneId zone = club.club().zone();
      LocalDate day = LocalDate.ofInstant(now, zone);
      if (now.isBefore(day.atTime(at.get()).atZone(zone).toInstant())) {
        continue;
      }
      String key = key(club.club().id(), day);
      // The cheap check first: every tick after the first of the day stops here (a manager
      // reached only by chat has no text row, so its chat rows tell).
      if (outbox.findByKey(key).isPresent()
          || config.notifications().chats(club.club().id()).stream()
              .anyMatch(chat -> outbox.findByKey(ManagerMessages.chatKey(key, chat)).isPresent())) {
        continue;
      }
      try {
        Outcome outcome = manager.notify(club.club(), key, preview(club, day).text(), now, null);
        LOG.info("daily summary for {} on {}: {}", club.club().id(), day, outcome.code());
        outcomes.add(outcome);
      } catch (RuntimeException e) {
        LOG.warn("daily summary for {} could not be queued: {}", club.club().id(), e.getMessage());
      }
    }
    return outcomes;
  }

  static String key(ClubId club, LocalDate day) {
    return KEY_PREFIX + club.value() + ":" + day;
  }

  private String approvalsLink() {
    String base = config.server().publicUrl();
    if (base == null) {
      return null;
    }
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + "/console/approvals";
  }
}
