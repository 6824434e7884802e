package com.gymops.console;

import com.gymops.care.WorkflowPauses;
import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.config.WorkflowSchedule;
import com.gymops.domain.ConsoleUser;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowRun;
import com.gymops.schedule.ClubWorkflow;
import com.gymops.schedule.UpcomingFires;
import com.gymops.store.ConsoleReads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Today page: per club the user sees, a card per workflow (last run, next run, 7-day success),
 * pending approvals, failed sends of the last 24 hours and the money collected since local
 * midnight. A few indexed queries per workflow, however many members the club has.
 */
public final class TodayQuery {
  private final GymOpsConfig config;
  private final ConsoleReads reads;
  private final WorkflowPauses pauses;
  private final ApprovalsQuery approvals;
  private final Clock clock;

  public TodayQuery(
      GymOpsConfig config,
      ConsoleReads reads,
      WorkflowPauses pauses,
      ApprovalsQuery approvals,
      Clock clock) {
    this.config = config;
    this.approvals = approvals;
    this.pauses = pauses;
    this.reads = reads;
    this.clock = clock;
  }

  public List<ClubToday> today(ConsoleUser user) {
    Instant now = clock.instant();
    List<ClubWorkflow> enabled = ClubWorkflow.enabledIn(config);
    List<ClubToday> clubs = new ArrayList<>();
    for (ClubSettings club : config.clubs()) {
      if (!user.sees(club.club().id())) {
        continue;
      }
      ZoneId zone = club.club().zone();
      List<WorkflowCard> cards = new ArrayList<>();
      for (WorkflowId workflow : WorkflowId.values()) {
        cards.add(card(club, workflow, enabled, now));
      }
      Instant midnight = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
      clubs.add(
          new ClubToday(
              club.club().id(),
              club.club().name(),
              zone.getId(),
              cards,
              reads.failedMessagesSince(club.club().id(), now.minus(Duration.ofHours(24))),
              approvals.pending(user, club.club().id()),
              reads.paymentsReceivedSince(club.club().id(), midnight).toString()));
    }
    return clubs;
  }

  private WorkflowCard card(
      ClubSettings club, WorkflowId workflow, List<ClubWorkflow> enabled, Instant now) {
    ZoneId zone = club.club().zone();
    WorkflowSchedule schedule =
        Optional.ofNullable(club.workflow(workflow)).orElse(WorkflowSchedule.defaultFor(workflow));
    List<ClubWorkflow> mine =
        enabled.stream()
            .filter(w -> w.workflow() == workflow && w.club().equals(club.club().id()))
            .toList();
    String next =
        UpcomingFires.after(mine, now, 1).stream()
            .findFirst()
            .map(fire -> Formats.local(fire.fireAt(), zone))
            .orElse("-");
    Optional<WorkflowRun> last = reads.lastRun(workflow, club.club().id());
    Map<RunStatus, Long> week =
        reads.runStatusesSince(workflow, club.club().id(), now.minus(Duration.ofDays(7)));
    long succeeded = week.getOrDefault(RunStatus.SUCCEEDED, 0L);
    long finished =
        succeeded
            + week.getOrDefault(RunStatus.PARTIAL, 0L)
            + week.getOrDefault(RunStatus.FAILED, 0L);
    return new WorkflowCard(
        workflow,
        !mine.isEmpty(),
        pauses.isPaused(workflow, club.club().id()),
        schedule.schedule(),
        last.map(WorkflowRun::runId).orElse(null),
        last.map(run -> run.status().name().toLowerCase(Locale.ROOT)).orElse(null),
        last.map(run -> Formats.summary(run.reportJson())).orElse(""),
        last.map(WorkflowRun::modeUsed).orElse(null),
        last.map(run -> Formats.local(run.clockAt(), zone)).orElse("-"),
        next,
        finished == 0 ? "-" : succeeded + "/" + finished);
  }
}
