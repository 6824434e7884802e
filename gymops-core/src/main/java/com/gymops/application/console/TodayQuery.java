package com.gymops.application.console;

import com.gymops.application.care.WorkflowPauses;
import com.gymops.application.port.FireCalendar;
import com.gymops.application.port.store.ConsoleReads;
import com.gymops.application.port.store.DigestReads;
import com.gymops.application.run.SummaryJson;
import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.config.WorkflowSchedule;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleUser;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowPause;
import com.gymops.domain.WorkflowRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Today page: per club the user sees, first what needs the manager (the pending approvals,
 * counted), then a card per workflow in sentences (its last run's figures, what became of its
 * texts, its next run), failed sends of the last 24 hours and the money collected since local
 * midnight. A fixed number of indexed queries per club, however many members it has; nothing is
 * written (the approvals' expiry pass is the engine's).
 *
 * <p>A last run's summary comes from its report, which on a large club lists every member it
 * concerned (half a megabyte for a referral run of 100,000 members): it is read and parsed once per
 * finished run and kept, as a finished run's report never changes.
 */
public final class TodayQuery {
  /** Enough for every card of many clubs; beyond it the oldest runs' summaries are dropped. */
  private static final int SUMMARIES_KEPT = 512;

  private final GymOpsConfig config;
  private final ConsoleReads reads;
  private final DigestReads digest;
  private final ApprovalsQuery approvals;
  private final WorkflowPauses pauses;
  private final FireCalendar calendar;
  private final Clock clock;
  private final Map<String, List<String>> summaries =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
              return size() > SUMMARIES_KEPT;
            }
          });

  public TodayQuery(
      GymOpsConfig config,
      ConsoleReads reads,
      DigestReads digest,
      ApprovalsQuery approvals,
      WorkflowPauses pauses,
      FireCalendar calendar,
      Clock clock) {
    this.config = config;
    this.reads = reads;
    this.digest = digest;
    this.approvals = approvals;
    this.pauses = pauses;
    this.calendar = calendar;
    this.clock = clock;
  }

  public List<ClubToday> today(ConsoleUser user) {
    Instant now = clock.instant();
    List<WorkflowPause> pauses = this.pauses.all();
    List<ClubToday> clubs = new ArrayList<>();
    for (ClubSettings club : config.clubs()) {
      if (!user.sees(club.club().id())) {
        continue;
      }
      ZoneId zone = club.club().zone();
      ClubId id = club.club().id();
      Map<WorkflowId, WorkflowRun> last = reads.lastRuns(id);
      Map<WorkflowId, Map<RunStatus, Long>> week =
          reads.runStatusesSince(id, now.minus(Duration.ofDays(7)));
      List<WorkflowCard> cards = new ArrayList<>();
      for (WorkflowId workflow : WorkflowId.values()) {
        cards.add(
            card(
                club,
                workflow,
                now,
                Optional.ofNullable(last.get(workflow)),
                week.getOrDefault(workflow, Map.of()),
                paused(pauses, workflow, id)));
      }
      Instant midnight = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
      clubs.add(
          new ClubToday(
              id,
              club.club().name(),
              zone.getId(),
              approvals.pending(user, id),
              cards,
              reads.failedMessagesSince(id, now.minus(Duration.ofHours(24))),
              ManagerWords.dollars(reads.paymentsReceivedSince(id, midnight))));
    }
    return clubs;
  }

  private static boolean paused(List<WorkflowPause> pauses, WorkflowId workflow, ClubId club) {
    return pauses.stream()
        .anyMatch(p -> p.workflow() == workflow && (p.club() == null || p.club().equals(club)));
  }

  private List<String> lines(WorkflowRun run) {
    if (run.finishedAt() == null) {
      return List.of("Running now");
    }
    return summaries.computeIfAbsent(
        run.runId(),
        id ->
            reads
                .report(id)
                .flatMap(
                    json -> {
                      try {
                        return SummaryJson.read(
                            run.workflow(), Formats.JSON.readTree(json).get("summary"));
                      } catch (java.io.IOException | RuntimeException e) {
                        return Optional.empty();
                      }
                    })
                .map(CardSentences::of)
                .orElse(List.of()));
  }

  private String texts(WorkflowRun run, Instant now, ZoneId zone) {
    TextFigures texts = TextFigures.of(digest.messagesOfRun(run.runId()), now);
    if (texts.total() == 0) {
      return "";
    }
    return "Its "
        + ManagerWords.count(texts.total(), "text", "texts")
        + ": "
        + texts.parts(now, zone);
  }

  private WorkflowCard card(
      ClubSettings club,
      WorkflowId workflow,
      Instant now,
      Optional<WorkflowRun> last,
      Map<RunStatus, Long> week,
      boolean paused) {
    ZoneId zone = club.club().zone();
    WorkflowSchedule schedule =
        Optional.ofNullable(club.workflow(workflow)).orElse(WorkflowSchedule.defaultFor(workflow));
    ClubId id = club.club().id();
    String next =
        calendar.nextFire(id, workflow, now).map(at -> Formats.local(at, zone)).orElse("-");
    long failed =
        week.getOrDefault(RunStatus.PARTIAL, 0L) + week.getOrDefault(RunStatus.FAILED, 0L);
    return new WorkflowCard(
        workflow,
        ManagerWords.workflow(workflow),
        calendar.scheduled(id, workflow),
        paused,
        schedule(schedule.schedule()),
        last.map(WorkflowRun::runId).orElse(null),
        last.map(run -> run.status().name().toLowerCase(Locale.ROOT)).orElse(null),
        last.map(this::lines).orElse(List.of()),
        last.map(run -> texts(run, now, zone)).orElse(""),
        last.map(WorkflowRun::modeUsed).orElse(null),
        last.map(run -> Formats.local(run.clockAt(), zone)).orElse("-"),
        next,
        failed);
  }

  /** A schedule as a manager says it: "every day at 06:00", "every hour". */
  static String schedule(String schedule) {
    String[] words = schedule.strip().split("\\s+");
    return switch (words[0]) {
      case "hourly" -> "every hour";
      case "monthly" ->
          words.length == 3 ? "on day " + words[1] + " of each month at " + words[2] : schedule;
      case "fortnightly" -> words.length == 2 ? "every other week at " + words[1] : schedule;
      default -> words.length == 1 ? "every day at " + words[0] : schedule;
    };
  }
}
