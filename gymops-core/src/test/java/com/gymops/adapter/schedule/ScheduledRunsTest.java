package com.gymops.adapter.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.gymops.application.port.store.FireLog.Fire;
import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import com.gymops.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production tasks on db-scheduler's manual scheduler over the embedded SQLite store, time
 * stepped by hand.
 */
class ScheduledRunsTest {
  static final String TWO_CLUBS =
      """
      clubs:
        - id: nyc
          timezone: America/New_York
        - id: syd
          timezone: Australia/Sydney
      """;
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @TempDir Path directory;
  private SchedulerNode node;

  @AfterEach
  void close() {
    if (node != null) {
      node.close();
    }
  }

  private SchedulerNode start(String yaml, Instant at) {
    node = SchedulerNode.open(yaml, directory, new MutableClock(at, ZoneId.of("UTC")), "n1", false);
    return node.start();
  }

  private MutableClock clock() {
    return (MutableClock) node.app.clock();
  }

  @Test
  void every_fire_of_a_fall_back_week_runs_once_at_its_time() {
    Instant from = local("2026-10-30T00:30", NEW_YORK);
    Instant to = local("2026-11-03T00:30", NEW_YORK);
    start(TWO_CLUBS, from);

    for (Instant at = from; !at.isAfter(to); at = at.plus(Duration.ofMinutes(30))) {
      clock().set(at);
      node.runDue();
    }

    List<Fire> fires = node.fireLog.fires();
    assertThat(fires).allSatisfy(fire -> assertThat(fire.attempts()).isEqualTo(1));
    for (ClubWorkflow workflow : ClubWorkflow.enabledIn(node.config())) {
      List<Instant> expected = new ArrayList<>();
      FireSchedule schedule = workflow.getSchedule();
      for (Instant at = schedule.nextAfter(from); !at.isAfter(to); at = schedule.nextAfter(at)) {
        expected.add(at);
      }
      assertThat(firesOf(fires, workflow.workflow(), workflow.club()))
          .as(workflow.instanceId())
          .containsExactlyElementsOf(expected);
    }
    List<Instant> hourlyOnFallBack =
        firesOf(fires, WorkflowId.PAST_DUE_MONITORING, new ClubId("nyc")).stream()
            .filter(at -> at.atZone(NEW_YORK).toLocalDate().equals(LocalDate.of(2026, 11, 1)))
            .toList();
    assertThat(hourlyOnFallBack).hasSize(25);
    assertThat(node.meters.find("gymops.runs").counters()).isNotEmpty();
  }

  @Test
  void a_three_day_outage_gives_one_catch_up_run_per_workflow_and_club_then_the_next_future_fire() {
    Instant before = local("2027-01-01T00:30", NEW_YORK);
    start(TWO_CLUBS, before);
    Instant after = before.plus(Duration.ofDays(3)).plus(Duration.ofHours(12));

    clock().set(after);
    node.runDue();
    node.runDue();

    List<Fire> fires = node.fireLog.fires();
    for (ClubWorkflow workflow : ClubWorkflow.enabledIn(node.config())) {
      Instant first = workflow.getSchedule().nextAfter(before);
      List<Instant> ran = firesOf(fires, workflow.workflow(), workflow.club());
      assertThat(ran).as(workflow.instanceId()).hasSize(first.isAfter(after) ? 0 : 1);
    }
    assertThat(fires).hasSizeGreaterThanOrEqualTo(10);
    for (ScheduledExecution<ClubWorkflow> execution :
        node.scheduler.getScheduledExecutionsForTask(GymOpsTasks.WORKFLOW, ClubWorkflow.class)) {
      assertThat(execution.getExecutionTime())
          .as(execution.getTaskInstance().getId())
          .isEqualTo(execution.getData().getSchedule().nextAfter(after));
    }
  }

  @Test
  void a_fire_that_meets_a_manual_run_holding_the_lease_completes_and_waits_for_the_next() {
    Instant start = local("2026-06-01T00:30", NEW_YORK);
    start(TWO_CLUBS, start);
    ClubId nyc = new ClubId("nyc");
    node.app
        .stores()
        .locks()
        .acquire(WorkflowId.PAST_DUE_MONITORING, nyc, "manual-run", start, Duration.ofHours(2));

    clock().set(local("2026-06-01T01:00", NEW_YORK));
    node.runDue();

    Instant next = local("2026-06-01T02:00", NEW_YORK);
    assertThat(executionTime("nyc/past-due-monitoring")).isEqualTo(next);
    assertThat(
            node.meters
                .counter("gymops.runs", "workflow", "past-due-monitoring", "status", "skipped")
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void startup_adds_missing_reschedules_changed_and_removes_disabled_workflows() {
    Instant at = local("2026-06-01T00:30", NEW_YORK);
    start(TWO_CLUBS, at);
    node.close();

    String changed =
        """
        clubs:
          - id: nyc
            timezone: America/New_York
            campaigns: {schedule: "07:15"}
            access: {enabled: false}
          - id: bos
            timezone: America/New_York
        """;
    node =
        SchedulerNode.open(changed, directory, new MutableClock(at, ZoneId.of("UTC")), "n1", false);
    ScheduleReconciler.Changes changes = node.reconcile();

    assertThat(changes.rescheduled()).containsExactly("nyc/daily-campaigns");
    assertThat(changes.removed())
        .containsExactlyInAnyOrder(
            "nyc/door-access",
            "syd/daily-campaigns",
            "syd/past-due-monitoring",
            "syd/collections-escalation",
            "syd/collections-referral",
            "syd/batch-invoices",
            "syd/door-access");
    assertThat(changes.added()).hasSize(6).allSatisfy(id -> assertThat(id).startsWith("bos/"));
    assertThat(executionTime("nyc/daily-campaigns")).isEqualTo(local("2026-06-01T07:15", NEW_YORK));
    assertThat(node.reconcile())
        .isEqualTo(new ScheduleReconciler.Changes(List.of(), List.of(), List.of()));
  }

  private Instant executionTime(String instanceId) {
    Map<String, Instant> times =
        node
            .scheduler
            .getScheduledExecutionsForTask(GymOpsTasks.WORKFLOW, ClubWorkflow.class)
            .stream()
            .collect(
                Collectors.toMap(
                    execution -> execution.getTaskInstance().getId(),
                    ScheduledExecution::getExecutionTime));
    return times.get(instanceId);
  }

  static List<Instant> firesOf(List<Fire> fires, WorkflowId workflow, ClubId club) {
    return fires.stream()
        .filter(fire -> fire.workflow() == workflow && fire.club().equals(club))
        .map(Fire::scheduledFor)
        .sorted()
        .toList();
  }

  static Instant local(String dateTime, ZoneId zone) {
    return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
  }
}
