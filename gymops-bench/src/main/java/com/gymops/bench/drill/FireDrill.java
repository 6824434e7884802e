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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A scheduled fire killed around its time: {@code gymops serve} with past-due-monitoring due once,
 * at the first whole minute at least {@value #LEAD_SECONDS} s away (every other workflow off), is
 * killed at seeded random moments before, during and after that fire — most often while its run
 * writes — and restarted each time; then it runs until the fire's run succeeded, and stops on
 * SIGTERM. Invariants: after every kill, until the fire's run succeeded, the execution is still due
 * at the fire (a kill never moves it to the next day's); the fire is logged once; no run is left
 * RUNNING; its effects are exactly those of an unkilled {@code gymops run past-due-monitoring} of
 * the same period on a fresh copy (by idempotency key); the fake Twilio received no text twice.
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
    while (Instant.now().isBefore(end) || killed < kills) {
      int port = ServeDrill.freePort();
      long runsBefore = runs(club.database(data));
      ChildProcess serve =
          ChildProcess.start(
              club.root(), log, env, args(config, data, "serve", "--port", String.valueOf(port)));
      if (!ServeDrill.awaitHealth(serve, port)) {
        violations.add("serve did not come up after kill " + killed + "; see " + log);
        serve.kill();
        break;
      }
      awaitKillMoment(data, serve, fire, runsBefore);
      serve.kill();
      killed++;
      violations.addAll(check(data, target, fire, "after kill " + killed));
      progress.accept(
          "fire: kill " + killed + " (fire at " + fire + "), " + violations.size() + " broken");
    }
    violations.addAll(settle(config, data, env, log));
    DrillDatabase db = club.database(data);
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
   * Waits for the moment to kill this serve. Before the fire, and after its run succeeded, a serve
   * lives a few seconds. Once the fire is due and has no successful run, the serve is watched for
   * the fire's next attempt: as soon as a run started in its life, it is killed within a tenth of a
   * second, while it plans or writes (a run of 2,000 members takes one or two tenths).
   */
  private void awaitKillMoment(Path data, ChildProcess serve, Instant fire, long runsBefore) {
    DrillDatabase db = club.database(data);
    long lifetime = 500 + random.nextInt(Instant.now().isBefore(fire) ? 4_000 : 2_000);
    long killAt = System.nanoTime() + Duration.ofMillis(lifetime).toNanos();
    boolean watching = false;
    long watchUntil = 0;
    while (serve.isAlive()) {
      if (!watching
          && !Instant.now().isBefore(fire.minusSeconds(1))
          && db.count(
                  "SELECT COUNT(*) FROM workflow_run WHERE workflow = ? AND status = 'SUCCEEDED'",
                  WORKFLOW)
              == 0) {
        watching = true;
        watchUntil = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      }
      if (watching) {
        if (runs(db) > runsBefore) {
          DispatchDrill.sleep(random.nextInt(60));
          return;
        }
        if (System.nanoTime() > watchUntil) {
          return;
        }
        DispatchDrill.sleep(5);
      } else if (System.nanoTime() > killAt) {
        return;
      } else {
        DispatchDrill.sleep(25);
      }
    }
  }

  private static long runs(DrillDatabase db) {
    return db.count("SELECT COUNT(*) FROM workflow_run WHERE workflow = ?", WORKFLOW);
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
