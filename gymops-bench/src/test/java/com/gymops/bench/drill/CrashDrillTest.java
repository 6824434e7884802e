package com.gymops.bench.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash drills in {@code mvn verify}: each scenario killed {@value #DEFAULT_KILLS} times (or
 * {@code -Dgymops.drill.kills=N}), seeded ({@code -Dgymops.drill.seed=S} replays a failure). The
 * run scenario's club has 2,000 people here to keep the build's time; {@code gymops drill} runs it
 * on 20,000. The pull scenario is killed 10 times ({@code -Dgymops.drill.pull.kills=N}), the
 * dispatch scenario 20 ({@code -Dgymops.drill.dispatch.kills=N}).
 */
class CrashDrillTest {
  private static final int DEFAULT_KILLS = 30;

  @TempDir Path work;

  @Test
  void serve_killed_while_payments_arrive_loses_no_acknowledged_payment_and_skips_no_fire() {
    assertKept(drill("serve"));
  }

  @Test
  void dispatch_killed_mid_pass_never_sends_a_text_twice() {
    // Fewer kills than the others: each kill restarts a child JVM and waits out a pass over the
    // fake Twilio: 30 took six of the build's 29 minutes.
    assertKept(
        drill(
            "dispatch",
            Integer.getInteger(
                "gymops.drill.dispatch.kills", Integer.getInteger("gymops.drill.kills", 20))));
  }

  @Test
  void a_run_killed_mid_way_is_interrupted_and_its_rerun_adds_exactly_what_was_missing() {
    DrillResult result = drill("run");
    assertKept(result);
    assertThat(result.counts().get("runs_marked_interrupted")).isPositive();
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
    // Fewer kills than the others: every kill costs a child JVM's start and each round an unkilled
    // pull of 600 people (30 kills took 12 minutes on the loaded build machine).
    DrillResult result = drill("pull", Integer.getInteger("gymops.drill.pull.kills", 10));
    assertKept(result);
    assertThat(result.counts().get("kills_mid_pull")).isPositive();
    assertThat(result.counts().get("members_after_a_pull"))
        .isGreaterThan(result.counts().get("members_before_the_pulls"));
    assertThat(result.counts().get("debts_with_a_start_on_file")).isPositive();
  }

  @Test
  void serve_killed_while_stripes_paid_events_arrive_loses_and_doubles_no_acknowledged_payment() {
    // A few kills: each round resends the unanswered events, as Stripe does, and the drill stops
    // once every locked member has paid (docs/BENCHMARKS.md, "The Stripe crash drill").
    DrillResult result = drill("stripe", 1, Integer.getInteger("gymops.drill.stripe.kills", 4));
    assertKept(result);
    assertThat(result.counts().get("acknowledged_events")).isPositive();
    assertThat(result.counts().get("acknowledged_payments_lost")).isZero();
    assertThat(result.counts().get("restored_texts")).isPositive();
  }

  @Test
  void serve_killed_while_squares_paid_events_arrive_loses_and_doubles_no_acknowledged_payment() {
    // The stripe drill's rounds with Square's invoice.payment_made, signed over the notification
    // URL (docs/BENCHMARKS.md, "The Square crash drill").
    DrillResult result = drill("square", 1, Integer.getInteger("gymops.drill.square.kills", 4));
    assertKept(result);
    assertThat(result.counts().get("acknowledged_events")).isPositive();
    assertThat(result.counts().get("acknowledged_payments_lost")).isZero();
    assertThat(result.counts().get("restored_texts")).isPositive();
  }

  private DrillResult drill(String scenario) {
    return drill(scenario, Integer.getInteger("gymops.drill.kills", DEFAULT_KILLS));
  }

  private DrillResult drill(String scenario, int kills) {
    return drill(scenario, kills, kills);
  }

  /** At least {@code atLeast} of {@code kills}: a drill that runs out of work stops early. */
  private DrillResult drill(String scenario, int atLeast, int kills) {
    long seed = Long.getLong("gymops.drill.seed", 1L);
    int members = Integer.getInteger("gymops.drill.members", 2_000);
    List<DrillResult> results =
        Drill.run(new Drill.Settings(kills, seed, Set.of(scenario), members, work, line -> {}));
    assertThat(results).hasSize(1);
    DrillResult result = results.get(0);
    System.out.printf(
        "drill %s: %d kills, seed %d: %s%n", scenario, result.kills(), seed, result.counts());
    assertThat(result.kills()).isGreaterThanOrEqualTo(atLeast);
    return result;
  }

  private static void assertKept(DrillResult result) {
    assertThat(result.violations()).as("broken invariants in " + result.scenario()).isEmpty();
  }
}
