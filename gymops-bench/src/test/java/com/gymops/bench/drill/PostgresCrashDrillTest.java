package com.gymops.bench.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash drills on PostgreSQL: each scenario killed {@value #DEFAULT_KILLS} times (or {@code
 * -Dgymops.drill.pg.kills=N}), seeded like {@link CrashDrillTest} ({@code -Dgymops.drill.seed=S}),
 * every child on a database of its own made for the drill on the server {@code GYMOPS_TEST_PG_URL}
 * names, dropped afterwards. Fewer kills than on SQLite: on PostgreSQL each kill of a run waits for
 * its lease to expire ({@code server.run_lease}, 10 s in the drill).
 */
@EnabledIfEnvironmentVariable(
    named = TestDatabases.PG_URL_VARIABLE,
    matches = ".+",
    disabledReason =
        "set GYMOPS_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run"
            + " the crash drills on PostgreSQL; .ci/run sets it and insists they ran")
class PostgresCrashDrillTest {
  private static final int DEFAULT_KILLS = 10;

  @TempDir Path work;

  @Test
  void serve_killed_while_payments_arrive_loses_no_acknowledged_payment_and_skips_no_fire() {
    assertKept(drill("serve"));
  }

  @Test
  void dispatch_killed_mid_pass_never_sends_a_text_twice() {
    assertKept(drill("dispatch"));
  }

  @Test
  void
      a_killed_run_is_interrupted_when_its_lease_expires_and_its_rerun_adds_exactly_what_was_missing() {
    DrillResult result = drill("run");
    assertKept(result);
    assertThat(result.counts().get("runs_marked_interrupted")).isPositive();
    assertThat(result.counts().get("runs_refused_while_leased")).isPositive();
  }

  @Test
  void
      a_scheduled_fire_killed_mid_run_is_taken_over_and_runs_once_with_exactly_an_unkilled_runs_effects() {
    DrillResult result = drill("fire");
    assertKept(result);
    assertThat(result.counts().get("effects")).isPositive();
    assertThat(result.counts().get("fire_attempts")).isPositive();
    assertThat(result.counts().get("runs_killed_mid_run")).isPositive();
    assertThat(result.counts().get("runs_killed_with_actions_committed")).isPositive();
    assertThat(result.counts().get("runs_marked_interrupted")).isPositive();
    assertThat(result.counts().get("fire_attempts"))
        .isGreaterThan(result.counts().get("runs_marked_interrupted"));
  }

  @Test
  void a_pull_from_clubhub_killed_mid_way_half_writes_doubles_and_ages_no_member() {
    DrillResult result = drill("pull");
    assertKept(result);
    assertThat(result.counts().get("kills_mid_pull")).isPositive();
  }

  @Test
  void serve_killed_while_stripes_paid_events_arrive_loses_and_doubles_no_acknowledged_payment() {
    // As on SQLite: a few kills, each round resending the unanswered events as Stripe does, until
    // every locked member has paid (docs/BENCHMARKS.md, "The Stripe crash drill").
    DrillResult result = drill("stripe", 1, Integer.getInteger("gymops.drill.pg.kills", 4));
    assertKept(result);
    assertThat(result.counts().get("acknowledged_events")).isPositive();
    assertThat(result.counts().get("acknowledged_payments_lost")).isZero();
    assertThat(result.counts().get("restored_texts")).isPositive();
  }

  @Test
  void serve_killed_while_squares_paid_events_arrive_loses_and_doubles_no_acknowledged_payment() {
    DrillResult result = drill("square", 1, Integer.getInteger("gymops.drill.pg.kills", 4));
    assertKept(result);
    assertThat(result.counts().get("acknowledged_events")).isPositive();
    assertThat(result.counts().get("acknowledged_payments_lost")).isZero();
    assertThat(result.counts().get("restored_texts")).isPositive();
  }

  private DrillResult drill(String scenario) {
    int kills = Integer.getInteger("gymops.drill.pg.kills", DEFAULT_KILLS);
    return drill(scenario, kills, kills);
  }

  /** At least {@code atLeast} of {@code kills}: a drill that runs out of work stops early. */
  private DrillResult drill(String scenario, int atLeast, int kills) {
    long seed = Long.getLong("gymops.drill.seed", 1L);
    int members = Integer.getInteger("gymops.drill.members", 2_000);
    List<DrillResult> results =
        Drill.run(
            new Drill.Settings(
                kills,
                seed,
                Set.of(scenario),
                members,
                work,
                line -> {},
                System.getenv(TestDatabases.PG_URL_VARIABLE)));
    assertThat(results).hasSize(1);
    DrillResult result = results.get(0);
    System.out.printf(
        "drill %s on PostgreSQL: %d kills, seed %d: %s%n",
        scenario, result.kills(), seed, result.counts());
    assertThat(result.kills()).isGreaterThanOrEqualTo(atLeast);
    assertThat(result.notes()).anySatisfy(note -> assertThat(note).contains("PostgreSQL"));
    return result;
  }

  private static void assertKept(DrillResult result) {
    assertThat(result.violations())
        .as("broken invariants in " + result.scenario() + " on PostgreSQL")
        .isEmpty();
  }
}
