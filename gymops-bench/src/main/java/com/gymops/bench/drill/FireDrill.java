package com.gymops.bench.drill;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.schedule.ClubWorkflow;
import com.gymops.config.GymOpsConfig;
import com.gymops.fakes.FakeTwilio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A scheduled fire killed around its time: {@code gymops serve} with past-due-monitoring due once,
 * at the first whole minute at least {@value #LEAD_SECONDS} s away (every other workflow off), is
 * killed at seeded random moments before the fire and after its run succeeded, and every attempt of
 * the fire's run in between is killed mid-run, at a point the drill sees in the database (see
 * {@link MidRunKiller}): the first once its actions have committed; each serve restarted after the
 * kill. Then it runs until the fire's run succeeded, and stops on SIGTERM. Invariants: after every
 * kill, until the fire's run succeeded, the execution is still due at the fire (a kill never moves
 * it to the next day's); the fire is logged once; no run is left RUNNING; its effects are exactly
 * those of an unkilled {@code gymops run past-due-monitoring} of the same period on a fresh copy
 * (by idempotency key); the fake Twilio received no text twice. A drill in which no attempt was
 * killed mid-run, or none after its actions committed, fails: it would not have exercised the
 * takeover.
 *
 * <p>A dead node's picked fire is taken over after {@code server.missed_heartbeats} × {@code
 * server.heartbeat_interval} (set to 4 × 1 s here), and on PostgreSQL its run then waits for the
 * killed run's lease ({@code server.run_lease}).
 */
final class FireDrill {
  static final String WORKFLOW = "past-due-monitoring";
  private static final long LEAD_SECONDS = 45;

  /** Kills go on this long after the fire, so some land in its retries. */
  private static final Duration AFTER_FIRE = Duration.ofSeconds(25);

  /**
   * How long a serve is watched for the fire's next attempt: on PostgreSQL a retry waits for the
   * takeover (4 s) and for the killed run's lease (10 s).
   */
  private static final Duration WATCH = Duration.ofSeconds(30);

  /** How long the last serve may take to complete the fire. */
  private static final Duration SETTLE = Duration.ofSeconds(120);

  private final DrillClub club;
  private final Random random;
  private final Consumer<String> progress;

  FireDrill(DrillClub club, Random random, Consumer<String> progress) {
    this.club = club;
    this.random = random;
    this.progress = progress;
  }

  DrillResult run(int kills) {
    List<String> violations = new ArrayList<>();
    Path log = club.root().resolve("fire.log");
    Path data = club.copyTo(club.root().resolve("fire-data"));
    Path reference = club.copyTo(club.root().resolve("fire-reference"));
    Instant fire = fireTime(Instant.now());
    Path config = fireConfig(data, fire);
    Path referenceConfig = fireConfig(reference, fire);
    FakeTwilio twilio = FakeTwilio.start();
    Map<String, String> env = new HashMap<>(twilio.environment());
    env.put("GYMOPS_PAYMENTS_SECRET", DrillClub.PAYMENTS_SECRET);
    GymOpsConfig loaded = ConfigLoader.load(Optional.of(config), env, ZoneOffset.UTC);
    ClubWorkflow target =
        ClubWorkflow.enabledIn(loaded).stream()
            .filter(w -> w.workflow().id().equals(WORKFLOW))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(WORKFLOW + " is not scheduled"));
    if (!target.getSchedule().nextAfter(Instant.now()).equals(fire)) {
      throw new IllegalStateException("the schedule does not fire at " + fire);
    }
    ChildProcess unkilled =
        ChildProcess.start(
            club.root(),
            log,
            DrillClub.NO_TWILIO,
            args(
                referenceConfig,
                reference,
                "run",
                WORKFLOW,
                "--mode",
                "rules",
                "--at",
                fire.toString()));
    if (unkilled.waitFor(600) != 0) {
      throw new IllegalStateException("the unkilled reference run failed; see " + log);
    }
    Set<String> expected = DrillEffects.of(club.database(reference), false);
    int killed = 0;
    Instant end = fire.plus(AFTER_FIRE);
    DrillDatabase db = club.database(data);
    Tally tally = new Tally();
    try (ProcessSignals signals = ProcessSignals.start()) {
      MidRunKiller killer = new MidRunKiller(signals, WORKFLOW);
      while (Instant.now().isBefore(end) || killed < kills) {
        int port = ServeDrill.freePort();
        Set<String> runsBefore = runIds(db);
        ChildProcess serve =
            ChildProcess.start(
                club.root(), log, env, args(config, data, "serve", "--port", String.valueOf(port)));
        // Watched from its start, not from its /health: the scheduler starts first, and a fire
        // already due runs while the web server is still coming up.
        CompletableFuture<Boolean> up =
            CompletableFuture.supplyAsync(() -> ServeDrill.awaitHealth(serve, port));
        Optional<MidRunKiller.Kill> kill =
            awaitKill(db, serve, up, fire, runsBefore, killer, tally);
        serve.kill();
        killed++;
        if (kill.isEmpty()) {
          violations.add("serve did not come up after kill " + (killed - 1) + "; see " + log);
          break;
        }
        tally.add(kill.get());
        violations.addAll(check(data, target, fire, "after kill " + killed));
        progress.accept(
            "fire: kill "
                + killed
                + (kill.get().midRun()
                    ? " mid-run, " + kill.get().actionsCommitted() + " actions committed"
                    : "")
                + " (fire at "
                + fire
                + "), "
                + violations.size()
                + " broken");
      }
    }
    if (tally.killedMidRun == 0) {
      violations.add(
          "no attempt of the fire was killed mid-run ("
              + tally.finishedUnkilled
              + " ran to the end between two looks): the takeover went unexercised");
    } else if (tally.killedWithActions == 0) {
      violations.add(
          "no attempt of the fire was killed after its actions committed: the rerun's"
              + " exactly-once went unexercised");
    }
    violations.addAll(settle(config, data, env, log));
    long fires = db.count("SELECT COUNT(*) FROM schedule_fire WHERE workflow = ?", WORKFLOW);
    if (fires != 1) {
      violations.add("the fire at " + fire + " was logged " + fires + " times, not once");
    }
    long running = db.count("SELECT COUNT(*) FROM workflow_run WHERE status = 'RUNNING'");
    if (running > 0) {
      violations.add(running + " runs still RUNNING after the last serve stopped");
    }
    DrillEffects.difference(expected, DrillEffects.of(db, false))
        .ifPresent(d -> violations.add("the fire's effects differ from an unkilled run's: " + d));
    Map<String, Integer> received = new HashMap<>();
    for (FakeTwilio.Request request : twilio.requests()) {
      received.merge(request.to() + "\n" + request.form().get("Body"), 1, Integer::sum);
    }
    long twice = received.values().stream().filter(n -> n > 1).count();
    if (twice > 0) {
      violations.add(twice + " texts reached the fake Twilio more than once");
    }
    twilio.close();
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("effects", (long) expected.size());
    counts.put("runs", db.count("SELECT COUNT(*) FROM workflow_run WHERE workflow = ?", WORKFLOW));
    counts.put(
        "runs_marked_interrupted",
        db.count(
            "SELECT COUNT(*) FROM workflow_run WHERE workflow = ? AND status = 'INTERRUPTED'",
            WORKFLOW));
    counts.put("runs_killed_mid_run", (long) tally.killedMidRun);
    counts.put("runs_killed_with_actions_committed", (long) tally.killedWithActions);
    counts.put("runs_finished_unkilled_while_watched", (long) tally.finishedUnkilled);
    counts.put(
        "fire_attempts",
        db.count(
            "SELECT COALESCE(MAX(attempts), 0) FROM schedule_fire WHERE workflow = ?", WORKFLOW));
    counts.put("texts_received", (long) twilio.requests().size());
    counts.put("texts_received_twice", twice);
    List<String> notes = new ArrayList<>();
    notes.add(
        "the fire at "
            + fire
            + ": a dead node's picked execution is taken over after 4 missed heartbeats of 1 s"
            + (club.store().isPostgres()
                ? ", and its run waits for the killed run's lease (" + DrillClub.PG_RUN_LEASE + ")"
                : ""));
    notes.add(
        club.store().isPostgres() ? DrillDatabase.POSTGRES_CHECK : DrillDatabase.EMBEDDED_CHECK);
    return new DrillResult("fire", killed, counts, violations, notes);
  }

  /**
   * The first whole minute at least {@value #LEAD_SECONDS} s from now, and not in the last two of
   * its hour: a run retried after a kill runs as of its own start, and must stay in the fire's hour
   * (past-due-monitoring's period) to be the same run as the unkilled one.
   */
  static Instant fireTime(Instant now) {
    Instant fire = now.plusSeconds(LEAD_SECONDS).truncatedTo(ChronoUnit.MINUTES).plusSeconds(60);
    if (fire.atZone(ZoneOffset.UTC).getMinute() > 57) {
      fire = fire.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)).plusSeconds(60);
    }
    return fire;
  }

  /**
   * Waits for the moment to kill this serve; empty when it did not come up. Before the fire, and
   * after its run succeeded, a serve lives a few seconds after it answers {@code /health}. Once the
   * fire is due and has no successful run, the serve is stepped from then on until the fire's next
   * attempt starts and killed mid-run (see {@link MidRunKiller}): the first attempt once its
   * actions have committed, later ones there or as soon as they start, by the specification.
   */
  private Optional<MidRunKiller.Kill> awaitKill(
      DrillDatabase db,
      ChildProcess serve,
      CompletableFuture<Boolean> up,
      Instant fire,
      Set<String> runsBefore,
      MidRunKiller killer,
      Tally tally) {
    long lifetime = 500 + random.nextInt(Instant.now().isBefore(fire) ? 4_000 : 2_000);
    long killAt = 0;
    MidRunKiller.Kill none = new MidRunKiller.Kill(false, false, 0, 0);
    while (serve.isAlive()) {
      if (!Instant.now().isBefore(fire.minusSeconds(1)) && succeeded(db) == 0) {
        MidRunKiller.Point point =
            tally.killedWithActions == 0 || random.nextBoolean()
                ? MidRunKiller.Point.ACTIONS_COMMITTED
                : MidRunKiller.Point.STARTED;
        return Optional.of(
            killer.killNextRun(serve, db, runsBefore, point, System.nanoTime() + WATCH.toNanos()));
      }
      if (up.isDone()) {
        if (!up.join()) {
          return Optional.empty();
        }
        if (killAt == 0) {
          killAt = System.nanoTime() + Duration.ofMillis(lifetime).toNanos();
        } else if (System.nanoTime() > killAt) {
          return Optional.of(none);
        }
      }
      DispatchDrill.sleep(25);
    }
    return up.join() ? Optional.of(none) : Optional.empty();
  }

  /** What the watched attempts came to. */
  private static final class Tally {
    int killedMidRun;
    int killedWithActions;
    int finishedUnkilled;

    void add(MidRunKiller.Kill kill) {
      if (kill.midRun()) {
        killedMidRun++;
        if (kill.actionsCommitted() > 0) {
          killedWithActions++;
        }
      } else if (kill.runSeen()) {
        finishedUnkilled++;
      }
    }
  }

  private static Set<String> runIds(DrillDatabase db) {
    Set<String> ids = new HashSet<>();
    db.rows("SELECT run_id FROM workflow_run WHERE workflow = ?", WORKFLOW)
        .forEach(row -> ids.add(row.get(0)));
    return ids;
  }

  /**
   * The club's configuration with past-due-monitoring due once a day at {@code fire} and every
   * other workflow off, and (on SQLite, whose configuration has none) the quick takeover.
   */
  private Path fireConfig(Path data, Instant fire) {
    Path config = data.resolveSibling(data.getFileName() + "-fire.yml");
    String time =
        String.format(
            "%02d:%02d",
            fire.atZone(ZoneOffset.UTC).getHour(), fire.atZone(ZoneOffset.UTC).getMinute());
    List<String> lines = new ArrayList<>();
    lines.add("campaigns: {enabled: false}");
    lines.add("escalation: {enabled: false}");
    lines.add("referral: {enabled: false}");
    lines.add("invoices: {enabled: false}");
    lines.add("access: {enabled: false}");
    lines.add("collections: {schedule: \"" + time + "\"}");
    if (!club.store().isPostgres()) {
      lines.add("server:");
      lines.add("  heartbeat_interval: " + DrillClub.PG_HEARTBEAT);
      lines.add("  missed_heartbeats: " + DrillClub.PG_MISSED_HEARTBEATS);
    }
    try {
      Files.writeString(
          config, Files.readString(club.configFor(data)) + String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return config;
  }

  private static String[] args(Path config, Path data, String... command) {
    String[] args = new String[command.length + 4];
    args[0] = "--config";
    args[1] = config.toString();
    args[2] = "--data";
    args[3] = data.toString();
    System.arraycopy(command, 0, args, 4, command.length);
    return args;
  }

  /**
   * After a kill: until the fire's run succeeded, its execution must still be due before the next
   * day's fire (at the fire, or a retry of it), never moved on to that; and the store answers.
   */
  private List<String> check(Path data, ClubWorkflow target, Instant fire, String when) {
    List<String> violations = new ArrayList<>();
    DrillDatabase db = club.database(data);
    String integrity = db.integrity();
    if (!integrity.equals("ok")) {
      violations.add(when + ": integrity check: " + integrity);
      return violations;
    }
    if (succeeded(db) > 0) {
      return violations;
    }
    Map<String, String> executions =
        db.map(
            "SELECT task_instance, "
                + db.epochMillis("execution_time")
                + " FROM scheduled_tasks WHERE task_name = 'workflow'");
    String at = executions.get(target.instanceId());
    if (at == null) {
      violations.add(when + ": the schedule lost " + target.instanceId());
    } else if (!Instant.ofEpochMilli(Long.parseLong(at))
        .isBefore(target.getSchedule().nextAfter(fire))) {
      // A retry moves the execution a little later (the same fire); the next day's means skipped.
      violations.add(
          when
              + ": the fire at "
              + fire
              + " has no successful run, yet its execution moved on to "
              + Instant.ofEpochMilli(Long.parseLong(at)));
    }
    return violations;
  }

  private static long succeeded(DrillDatabase db) {
    return db.count(
        "SELECT COUNT(*) FROM workflow_run WHERE workflow = ? AND status = 'SUCCEEDED'", WORKFLOW);
  }

  /** The last serve: until the fire's run succeeded (or {@link #SETTLE} passed), then SIGTERM. */
  private List<String> settle(Path config, Path data, Map<String, String> env, Path log) {
    List<String> violations = new ArrayList<>();
    int port = ServeDrill.freePort();
    ChildProcess serve =
        ChildProcess.start(
            club.root(), log, env, args(config, data, "serve", "--port", String.valueOf(port)));
    if (!ServeDrill.awaitHealth(serve, port)) {
      serve.kill();
      return List.of("serve did not come up for the last stretch; see " + log);
    }
    DrillDatabase db = club.database(data);
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (succeeded(db) == 0 && System.nanoTime() < deadline) {
      DispatchDrill.sleep(500);
    }
    if (succeeded(db) == 0) {
      violations.add("the fire's run did not succeed within " + SETTLE + " of the last restart");
    }
    serve.terminate();
    int exit = serve.waitFor(180);
    if (exit != 0) {
      violations.add("SIGTERM: serve exited with " + exit + ", not 0; see " + log);
      if (exit == -1) {
        serve.kill();
      }
    }
    return violations;
  }
}
