package com.gymops.bench.drill;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@code gymops run past-due-monitoring} on a large club, killed mid-run several times, then run to
 * the end. Invariants: after every kill the database passes its integrity check; the run that
 * completes is not refused as "already running" (the dead run's lease is taken over at once) and
 * leaves exactly the effects an unkilled run leaves (same messages, attempts, notes and door
 * changes, by idempotency key); no run stays RUNNING: the killed ones are INTERRUPTED.
 */
final class RunDrill {
  private static final int KILLS_PER_ROUND = 5;
  private static final String WORKFLOW = "past-due-monitoring";

  private final DrillClub club;
  private final Random random;
  private final Consumer<String> progress;

  RunDrill(DrillClub club, Random random, Consumer<String> progress) {
    this.club = club;
    this.random = random;
    this.progress = progress;
  }

  DrillResult run(int kills) {
    List<String> violations = new ArrayList<>();
    Path log = club.root().resolve("run.log");
    Path reference = club.copyTo(club.root().resolve("run-reference"));
    long started = System.nanoTime();
    if (run(reference, log).waitFor(900) != 0) {
      throw new IllegalStateException("the unkilled reference run failed; see " + log);
    }
    long referenceMillis = (System.nanoTime() - started) / 1_000_000;
    List<String> times =
        new DrillDatabase(reference)
            .rows("SELECT started_at, finished_at FROM workflow_run WHERE status = 'SUCCEEDED'")
            .get(0);
    long writingMillis =
        java.time.Duration.between(
                java.time.Instant.parse(times.get(0)), java.time.Instant.parse(times.get(1)))
            .toMillis();
    Set<String> expected = effects(reference);
    Path data = club.root().resolve("run-data");
    int killed = 0;
    int rounds = 0;
    long interrupted = 0;
    while (killed < kills) {
      club.copyTo(data);
      rounds++;
      for (int k = 0; k < KILLS_PER_ROUND && killed < kills; k++) {
        ChildProcess run = run(data, log);
        // Most of a short run is its JVM starting: most kills wait for the run to begin writing,
        // then land anywhere in the time an unkilled run writes; one in four lands earlier.
        if (random.nextInt(4) > 0) {
          awaitRunning(run, data);
          DispatchDrill.sleep((long) (random.nextDouble() * writingMillis));
        } else {
          DispatchDrill.sleep((long) (random.nextDouble() * referenceMillis));
        }
        if (!run.isAlive()) {
          continue;
        }
        run.kill();
        killed++;
        String integrity = new DrillDatabase(data).integrity();
        if (!integrity.equals("ok")) {
          violations.add("after kill " + killed + ": integrity check: " + integrity);
        }
        progress.accept("run: kill " + killed + ", " + violations.size() + " broken invariants");
      }
      int exit = run(data, log).waitFor(900);
      if (exit != 0) {
        violations.add(
            "round " + rounds + ": the rerun after the kills exited " + exit + "; see " + log);
      }
      Set<String> actual = effects(data);
      if (!actual.equals(expected)) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        violations.add(
            "round "
                + rounds
                + ": effects differ from an unkilled run: "
                + missing.size()
                + " missing "
                + first(missing)
                + ", "
                + extra.size()
                + " extra "
                + first(extra));
      }
      DrillDatabase db = new DrillDatabase(data);
      long running = db.count("SELECT COUNT(*) FROM workflow_run WHERE status = 'RUNNING'");
      if (running > 0) {
        violations.add("round " + rounds + ": " + running + " runs still RUNNING after the rerun");
      }
      interrupted += db.count("SELECT COUNT(*) FROM workflow_run WHERE status = 'INTERRUPTED'");
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("members", new DrillDatabase(reference).count("SELECT COUNT(*) FROM member"));
    counts.put("rounds", (long) rounds);
    counts.put("effects_per_run", (long) expected.size());
    counts.put("runs_marked_interrupted", interrupted);
    counts.put("reference_run_millis", referenceMillis);
    counts.put("reference_writing_millis", writingMillis);
    return new DrillResult("run", killed, counts, violations);
  }

  /** Until the child's run is recorded as started (or the child is gone). */
  private static void awaitRunning(ChildProcess child, Path data) {
    DrillDatabase db = new DrillDatabase(data);
    long runs = db.count("SELECT COUNT(*) FROM workflow_run");
    while (child.isAlive() && db.count("SELECT COUNT(*) FROM workflow_run") == runs) {
      DispatchDrill.sleep(20);
    }
  }

  private ChildProcess run(Path data, Path log) {
    return ChildProcess.start(
        club.root(),
        log,
        DrillClub.NO_TWILIO,
        club.with(data, "run", WORKFLOW, "--mode", "rules", "--at", club.runAt().toString()));
  }

  /** Every effect a run leaves, by its idempotency key (and the message's status). */
  private static Set<String> effects(Path data) {
    DrillDatabase db = new DrillDatabase(data);
    Set<String> keys = new TreeSet<>();
    for (String table :
        List.of("outbound_message", "collection_attempt", "member_note", "door_change")) {
      db.rows("SELECT idempotency_key FROM " + table)
          .forEach(row -> keys.add(table + ":" + row.get(0)));
    }
    db.rows("SELECT member_id, door_state, past_due_cents FROM member WHERE door_state = 'LOCKED'")
        .forEach(row -> keys.add("locked:" + row.get(0)));
    return keys;
  }

  private static String first(Set<String> keys) {
    return keys.isEmpty() ? "" : "(e.g. " + keys.iterator().next() + ")";
  }
}
