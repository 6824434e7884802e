package com.gymops.bench.drill;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code gymops run past-due-monitoring} on a large club, killed mid-run several times, then run to
 * the end. Invariants: after every kill the database passes its integrity check; the run that
 * completes is not refused as "already running" (the dead run's lease is taken over at once) and
 * leaves exactly the effects an unkilled run leaves (same messages, attempts, notes and door
 * changes, by idempotency key); no run stays RUNNING: the killed ones are INTERRUPTED.
 *
 * <p>On PostgreSQL a killed run's lease frees only when it expires ({@code server.run_lease}, set
 * short for the drill): after a kill that left a lease the drill first checks that a run started at
 * once is refused, then starts the next one when the lease has expired; that run takes the lease
 * over and marks the killed run INTERRUPTED.
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
        club.database(reference)
            .rows(
                "SELECT "
                    + club.database(reference).isoInstant("started_at")
                    + ", "
                    + club.database(reference).isoInstant("finished_at")
                    + " FROM workflow_run WHERE status = 'SUCCEEDED'")
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
    long refused = 0;
    long leaseWait = 0;
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
        String integrity = club.database(data).integrity();
        if (!integrity.equals("ok")) {
          violations.add("after kill " + killed + ": integrity check: " + integrity);
        }
        if (club.store().isPostgres()) {
          refused += refusedWhileLeased(data, log, violations, "after kill " + killed);
          leaseWait += awaitLeaseExpiry(data);
        }
        progress.accept("run: kill " + killed + ", " + violations.size() + " broken invariants");
      }
      int exit = run(data, log).waitFor(900);
      if (exit != 0) {
        violations.add(
            "round " + rounds + ": the rerun after the kills exited " + exit + "; see " + log);
      }
      final int round = rounds;
      DrillEffects.difference(expected, effects(data))
          .ifPresent(
              difference ->
                  violations.add(
                      "round " + round + ": effects differ from an unkilled run: " + difference));
      DrillDatabase db = club.database(data);
      long running = db.count("SELECT COUNT(*) FROM workflow_run WHERE status = 'RUNNING'");
      if (running > 0) {
        violations.add("round " + rounds + ": " + running + " runs still RUNNING after the rerun");
      }
      interrupted += db.count("SELECT COUNT(*) FROM workflow_run WHERE status = 'INTERRUPTED'");
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("members", club.database(reference).count("SELECT COUNT(*) FROM member"));
    counts.put("rounds", (long) rounds);
    counts.put("effects_per_run", (long) expected.size());
    counts.put("runs_marked_interrupted", interrupted);
    if (club.store().isPostgres()) {
      counts.put("runs_refused_while_leased", refused);
      counts.put("lease_wait_millis", leaseWait);
    }
    counts.put("reference_run_millis", referenceMillis);
    counts.put("reference_writing_millis", writingMillis);
    List<String> notes = new ArrayList<>();
    if (club.store().isPostgres()) {
      notes.add(DrillDatabase.POSTGRES_CHECK);
      notes.add(
          "lease: on PostgreSQL a killed run's lease frees when it expires (server.run_lease "
              + DrillClub.PG_RUN_LEASE
              + " here, 10 minutes by default), not at the process's death: after a kill a run"
              + " started at once must be refused, the next one starts when the lease expired,"
              + " takes it over and marks the killed run INTERRUPTED");
    } else {
      notes.add(DrillDatabase.EMBEDDED_CHECK);
    }
    return new DrillResult("run", killed, counts, violations, notes);
  }

  /**
   * The killed run's lease, when it left one: when it expires (by this JVM's clock, which wrote it,
   * on the same machine as the children's).
   */
  private java.util.Optional<java.time.Instant> leaseExpiry(Path data) {
    DrillDatabase db = club.database(data);
    return db.rows("SELECT " + db.isoInstant("expires_at") + " FROM workflow_lock").stream()
        .map(row -> java.time.Instant.parse(row.get(0)))
        .max(java.util.Comparator.naturalOrder());
  }

  /**
   * While the killed run's lease has more than a few seconds left, a run started now must be
   * refused: the lease is what keeps two runs of a workflow for a club from overlapping. 1 when it
   * was refused, 0 when there was no time (or no lease) to try.
   */
  private int refusedWhileLeased(Path data, Path log, List<String> violations, String when) {
    java.util.Optional<java.time.Instant> expiry = leaseExpiry(data);
    if (expiry.isEmpty() || java.time.Instant.now().plusSeconds(6).isAfter(expiry.get())) {
      return 0;
    }
    DrillDatabase db = club.database(data);
    long runs = db.count("SELECT COUNT(*) FROM workflow_run");
    ChildProcess early = run(data, log);
    int exit = early.waitFor(900);
    List<List<String>> started =
        db.rows(
            "SELECT run_id, "
                + db.isoInstant("started_at")
                + " FROM workflow_run ORDER BY started_at DESC LIMIT 1");
    boolean newRun = db.count("SELECT COUNT(*) FROM workflow_run") > runs;
    if (newRun && java.time.Instant.parse(started.get(0).get(1)).isBefore(expiry.get())) {
      violations.add(
          when
              + ": run "
              + started.get(0).get(0)
              + " started while the killed run's lease was held (until "
              + expiry.get()
              + "); exit "
              + exit);
      return 0;
    }
    return exit != 0 && !newRun ? 1 : 0;
  }

  /** Waits until the killed run's lease (if any) has expired; how long that took. */
  private long awaitLeaseExpiry(Path data) {
    long started = System.nanoTime();
    leaseExpiry(data)
        .ifPresent(
            expiry -> {
              long millis =
                  java.time.Duration.between(java.time.Instant.now(), expiry).toMillis() + 100;
              if (millis > 0) {
                DispatchDrill.sleep(millis);
              }
            });
    return (System.nanoTime() - started) / 1_000_000;
  }

  /** Until the child's run is recorded as started (or the child is gone). */
  private void awaitRunning(ChildProcess child, Path data) {
    DrillDatabase db = club.database(data);
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

  private Set<String> effects(Path data) {
    return DrillEffects.of(club.database(data), true);
  }
}
