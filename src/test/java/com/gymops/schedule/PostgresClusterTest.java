package com.gymops.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.store.FireLog.Fire;
import com.gymops.testing.MutableClock;
import com.gymops.testing.TestDatabases;
import com.gymops.testing.TestDatabases.PostgresSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
}
