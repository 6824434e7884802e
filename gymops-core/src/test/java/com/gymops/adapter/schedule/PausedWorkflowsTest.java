package com.gymops.adapter.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.application.care.Actor;
import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowRun;
import com.gymops.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pause stored by {@code gymops workflows pause} stops the scheduler's fires at once. */
class PausedWorkflowsTest {
  private static final String TWO_CLUBS =
      """
      clubs:
        - id: nyc
          timezone: America/New_York
        - id: la
          timezone: America/Los_Angeles
      """;
  private static final Actor DANA = Actor.person("dana");
  private static final ClubId NYC = new ClubId("nyc");
  private static final ClubId LA = new ClubId("la");

  @TempDir Path directory;
  private SchedulerNode node;

  @AfterEach
  void close() {
    node.close();
  }

  private MutableClock clock() {
    return (MutableClock) node.app.clock();
  }

  private void runHours(Instant from, int hours) {
    for (int hour = 0; hour <= hours; hour++) {
      clock().set(from.plus(Duration.ofHours(hour)).plusSeconds(1));
      node.runDue();
    }
  }

  private long doorRuns(ClubId club) {
    List<WorkflowRun> runs = node.app.runHistory().latest(1000);
    return runs.stream()
        .filter(run -> run.workflow() == WorkflowId.DOOR_ACCESS && run.clubId().equals(club))
        .count();
  }

  @Test
  void a_paused_workflow_skips_its_fires_for_that_club_and_runs_again_once_resumed() {
    Instant start = Instant.parse("2026-12-01T14:00:00Z");
    node =
        SchedulerNode.open(
                TWO_CLUBS, directory, new MutableClock(start, ZoneId.of("UTC")), "n1", false)
            .start();

    node.app.pauses().pause(DANA, WorkflowId.DOOR_ACCESS, NYC);
    runHours(start, 3);

    assertThat(doorRuns(NYC)).isZero();
    assertThat(doorRuns(LA)).isPositive();
    long laRuns = doorRuns(LA);

    node.app.pauses().resume(DANA, WorkflowId.DOOR_ACCESS, NYC);
    runHours(start.plus(Duration.ofHours(4)), 1);

    assertThat(doorRuns(NYC)).isPositive();
    assertThat(doorRuns(LA)).isGreaterThan(laRuns);
  }

  @Test
  void a_pause_for_every_club_stops_them_all() {
    Instant start = Instant.parse("2026-12-01T14:00:00Z");
    node =
        SchedulerNode.open(
                TWO_CLUBS, directory, new MutableClock(start, ZoneId.of("UTC")), "n1", false)
            .start();

    node.app.pauses().pause(DANA, WorkflowId.DOOR_ACCESS, null);
    runHours(start, 2);

    assertThat(doorRuns(NYC)).isZero();
    assertThat(doorRuns(LA)).isZero();
    assertThat(node.app.runHistory().latest(1000)).isNotEmpty();
  }
}
