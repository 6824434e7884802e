package com.gymops.adapter.schedule;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.application.port.store.FireLog.Fire;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunRequest;
import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import com.gymops.testing.MutableClock;
import com.gymops.testing.TestDatabases;
import com.gymops.testing.TestDatabases.PostgresSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three scheduler nodes, each with its own connection pool and thread, polling one PostgreSQL
 * schema with lock-and-fetch at the same moments: every (workflow, club, instant) runs once.
 */
@EnabledIfEnvironmentVariable(
    named = TestDatabases.PG_URL_VARIABLE,
    matches = ".+",
    disabledReason =
        "set GYMOPS_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run"
            + " the scheduler cluster test on PostgreSQL; .ci/run sets it")
class PostgresClusterTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @TempDir Path directory;
  private PostgresSchema schema;
  private final List<SchedulerNode> nodes = new ArrayList<>();
  private final ExecutorService threads = Executors.newFixedThreadPool(3);

  @AfterEach
  void close() {
    threads.shutdownNow();
    nodes.forEach(SchedulerNode::close);
    schema.close();
  }

  @Test
  void three_nodes_run_each_fire_once() throws Exception {
    schema = TestDatabases.postgres();
    String url =
        schema.baseUrl()
            + (schema.baseUrl().contains("?") ? "&" : "?")
            + "currentSchema="
            + schema.schema();
    String yaml = ScheduledRunsTest.TWO_CLUBS + "database: {url: \"" + url + "\", pool_size: 3}\n";
    Instant from = ScheduledRunsTest.local("2026-12-31T22:30", NEW_YORK);
    Instant to = ScheduledRunsTest.local("2027-01-04T10:00", NEW_YORK);
    MutableClock clock = new MutableClock(from, ZoneId.of("UTC"));
    for (int i = 1; i <= 3; i++) {
      nodes.add(
          SchedulerNode.open(yaml, directory.resolve("n" + i), clock, "node-" + i, true).start());
    }

    for (Instant at = from; !at.isAfter(to); at = at.plus(Duration.ofMinutes(30))) {
      clock.set(at);
      CyclicBarrier together = new CyclicBarrier(nodes.size());
      List<Callable<Void>> polls = new ArrayList<>();
      for (SchedulerNode node : nodes) {
        polls.add(
            () -> {
              together.await(10, TimeUnit.SECONDS);
              node.runDue();
              return null;
            });
      }
      for (Future<Void> poll : threads.invokeAll(polls)) {
        poll.get();
      }
    }

    List<Fire> fires = nodes.get(0).fireLog.fires();
    assertThat(fires).allSatisfy(fire -> assertThat(fire.attempts()).isEqualTo(1));
    int expectedTotal = 0;
    for (ClubWorkflow workflow : ClubWorkflow.enabledIn(nodes.get(0).config())) {
      List<Instant> expected = new ArrayList<>();
      FireSchedule schedule = workflow.getSchedule();
      for (Instant at = schedule.nextAfter(from); !at.isAfter(to); at = schedule.nextAfter(at)) {
        expected.add(at);
      }
      expectedTotal += expected.size();
      assertThat(ScheduledRunsTest.firesOf(fires, workflow.workflow(), workflow.club()))
          .as(workflow.instanceId())
          .containsExactlyElementsOf(expected);
    }
    assertThat(fires).hasSize(expectedTotal);
    // The work was shared, not done by one node that always won.
    assertThat(fires.stream().map(Fire::node).distinct().count()).isGreaterThan(1);
  }

  @Test
  void a_node_killed_in_the_middle_of_a_run_is_taken_over_with_no_duplicate_effect() {
    schema = TestDatabases.postgres();
    String url =
        schema.baseUrl()
            + (schema.baseUrl().contains("?") ? "&" : "?")
            + "currentSchema="
            + schema.schema();
    // Only past-due monitoring runs, so every effect counted below is that fire's.
    String yaml =
        """
        clubs:
          - id: nyc
            timezone: America/New_York
        campaigns: {enabled: false}
        access: {enabled: false}
        escalation: {enabled: false}
        referral: {enabled: false}
        invoices: {enabled: false}
        """
            + "database: {url: \""
            + url
            + "\", pool_size: 3}\n";
    Instant fire = ScheduledRunsTest.local("2026-06-01T10:00", NEW_YORK);
    MutableClock clock = new MutableClock(fire.minus(Duration.ofMinutes(30)), ZoneId.of("UTC"));
    SchedulerNode dead =
        SchedulerNode.open(yaml, directory.resolve("dead"), clock, "node-dead", true);
    nodes.add(dead);
    dead.start();
    SchedulerNode survivor =
        SchedulerNode.open(yaml, directory.resolve("survivor"), clock, "node-2", true);
    nodes.add(survivor);
    survivor.start();
    ClubId nyc = new ClubId("nyc");
    survivor
        .app
        .stores()
        .members()
        .upsertAll(
            List.of(
                aMember()
                    .withId("LATE")
                    .inClub("nyc")
                    .withBalance("60.00", LocalDate.of(2026, 5, 20))
                    .build(),
                aMember()
                    .withId("OWES")
                    .inClub("nyc")
                    .withBalance("150.00", LocalDate.of(2026, 4, 1))
                    .build()),
            clock.instant());

    // The dead node picked the 10:00 fire, did the run's work, and died before db-scheduler heard
    // of it: the execution stays picked, the fire logged, the run's lease never released.
    clock.set(fire);
    dead.app
        .database()
        .jdbi()
        .useHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'node-dead',"
                            + " last_heartbeat = :at, version = version + 1"
                            + " WHERE task_instance = 'nyc/past-due-monitoring'")
                    .bind("at", fire)
                    .execute());
    dead.fireLog.record(WorkflowId.PAST_DUE_MONITORING, nyc, fire, "node-dead", fire);
    dead.app
        .runner()
        .run(new RunRequest(WorkflowId.PAST_DUE_MONITORING, nyc, RunMode.RULES, false, fire));
    dead.app
        .stores()
        .locks()
        .acquire(WorkflowId.PAST_DUE_MONITORING, nyc, "dead-run", fire, Duration.ofMinutes(10));
    dead.close();
    nodes.remove(dead);
    Map<String, Long> effects = effects(survivor);
    assertThat(effects.get("outbound_message")).isPositive();

    // The survivor finds the execution dead once its heartbeats stop, runs the fire again...
    clock.set(fire.plus(Duration.ofMinutes(40)));
    survivor.scheduler.runDeadExecutionDetection();
    survivor.runDue();

    // ...which changes nothing the dead node already did, and moves on to the next fire.
    assertThat(effects(survivor)).isEqualTo(effects);
    Fire taken =
        survivor.fireLog.fires().stream()
            .filter(f -> f.workflow() == WorkflowId.PAST_DUE_MONITORING && f.club().equals(nyc))
            .filter(f -> f.scheduledFor().equals(fire))
            .findFirst()
            .orElseThrow();
    assertThat(taken.attempts()).isGreaterThanOrEqualTo(2);
    assertThat(
            survivor
                .scheduler
                .getScheduledExecutionsForTask(GymOpsTasks.WORKFLOW, ClubWorkflow.class)
                .stream()
                .filter(e -> e.getTaskInstance().getId().equals("nyc/past-due-monitoring"))
                .findFirst()
                .orElseThrow()
                .getExecutionTime())
        .isAfter(fire.plus(Duration.ofMinutes(40)));
  }

  private static Map<String, Long> effects(SchedulerNode node) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table :
        List.of("outbound_message", "member_note", "collection_attempt", "door_change")) {
      counts.put(
          table,
          node.app
              .database()
              .jdbi()
              .withHandle(
                  handle ->
                      handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one()));
    }
    return counts;
  }
}
