package com.gymops.bench.drill;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.schedule.ClubWorkflow;
import com.gymops.adapter.web.PaymentSignature;
import com.gymops.adapter.web.Webhooks;
import com.gymops.config.GymOpsConfig;
import com.gymops.fakes.FakeTwilio;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@code gymops serve} killed at random moments while signed payments arrive for members locked for
 * payment, its scheduler and dispatcher ticking, then started again. After every kill: every
 * payment answered 2xx is stored once, its member owes nothing and the door is open again; the
 * schedule holds every workflow's execution, none set beyond the first fire after the kill; the
 * database passes its integrity check (on PostgreSQL: answers and every table reads). Like a
 * payment system, the drill sends a payment that got no answer again after the restart, so a
 * payment recorded just before a kill must open the door when it comes again. At the end a SIGTERM
 * must stop serve cleanly with exit 0.
 */
final class ServeDrill {
  private final DrillClub club;
  private final Random random;
  private final Consumer<String> progress;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final PaymentSignature signature = new PaymentSignature(DrillClub.PAYMENTS_SECRET);

  ServeDrill(DrillClub club, Random random, Consumer<String> progress) {
    this.club = club;
    this.random = random;
    this.progress = progress;
  }

  DrillResult run(int kills) {
    List<String> violations = new ArrayList<>();
    Path data = club.copyTo(club.root().resolve("serve-data"));
    Path log = club.root().resolve("serve.log");
    FakeTwilio twilio = FakeTwilio.start();
    Map<String, String> env = new java.util.HashMap<>(twilio.environment());
    env.put("GYMOPS_PAYMENTS_SECRET", DrillClub.PAYMENTS_SECRET);
    GymOpsConfig config = ConfigLoader.load(Optional.of(club.config()), env, ZoneId.of("UTC"));
    List<ClubWorkflow> workflows = ClubWorkflow.enabledIn(config);
    List<String[]> debtors =
        club
            .database(data)
            .rows(
                "SELECT member_id, past_due_cents FROM member WHERE door_state = 'LOCKED'"
                    + " AND lock_reason = 'PAYMENT' AND past_due_cents > 0 ORDER BY member_id")
            .stream()
            .map(row -> new String[] {row.get(0), row.get(1)})
            .toList();
    Map<String, String> acknowledged = new LinkedHashMap<>();
    // Payments sent without a 2xx: a payment system sends them again, and so does the drill, first
    // thing after the restart (a payment recorded just before a kill must still open the door).
    List<String[]> unanswered = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicLong resent = new java.util.concurrent.atomic.AtomicLong();
    int next = 0;
    int killed = 0;
    long answered = 0;
    long clubs = 1;
    while (killed < kills) {
      if (next >= debtors.size()) {
        // Every debtor paid: a fresh copy of the club brings them back.
        club.copyTo(data);
        acknowledged.clear();
        unanswered.clear();
        next = 0;
        clubs++;
      }
      int port = freePort();
      ChildProcess serve =
          ChildProcess.start(
              club.root(), log, env, club.with(data, "serve", "--port", String.valueOf(port)));
      if (!awaitHealth(serve, port)) {
        violations.add("serve did not come up after kill " + killed + "; see " + log);
        serve.kill();
        break;
      }
      // Payments keep arriving from another thread, so a kill can land in the middle of one.
      int first = next;
      int end = Math.min(debtors.size(), next + 400);
      List<String> answeredNow = java.util.Collections.synchronizedList(new ArrayList<>());
      java.util.concurrent.atomic.AtomicInteger cursor =
          new java.util.concurrent.atomic.AtomicInteger(first);
      AtomicBoolean stop = new AtomicBoolean();
      int servePort = port;
      List<String[]> resend = new ArrayList<>(unanswered);
      unanswered.clear();
      Thread sender =
          new Thread(
              () -> {
                for (String[] debtor : resend) {
                  if (stop.get()) {
                    unanswered.add(debtor);
                  } else if (pay(servePort, "drill-" + debtor[0], debtor[0], debtor[1])) {
                    resent.incrementAndGet();
                    answeredNow.add(debtor[0]);
                  } else {
                    unanswered.add(debtor);
                  }
                }
                while (!stop.get()) {
                  int i = cursor.getAndIncrement();
                  if (i >= end) {
                    return;
                  }
                  String[] debtor = debtors.get(i);
                  if (pay(servePort, "drill-" + debtor[0], debtor[0], debtor[1])) {
                    answeredNow.add(debtor[0]);
                  } else {
                    unanswered.add(debtor);
                  }
                }
              },
              "drill-payments");
      sender.start();
      DispatchDrill.sleep(200 + random.nextInt(2_500));
      serve.kill();
      stop.set(true);
      join(sender);
      next = Math.min(cursor.get(), end);
      for (String member : answeredNow) {
        acknowledged.put("drill-" + member, member);
        answered++;
      }
      killed++;
      Instant killInstant = Instant.now();
      violations.addAll(check(data, acknowledged, workflows, killInstant, "after kill " + killed));
      progress.accept(
          "serve: kill "
              + killed
              + ", "
              + answered
              + " payments acknowledged, "
              + violations.size()
              + " broken invariants");
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("club_copies", clubs);
    counts.put("acknowledged_payments", answered);
    counts.put("acknowledged_after_resend", resent.get());
    counts.put(
        "acknowledged_payments_lost",
        violations.stream().filter(v -> v.contains("not stored")).count());
    DrillDatabase db = club.database(data);
    counts.put("fires_logged", db.count("SELECT COUNT(*) FROM schedule_fire"));
    counts.put(
        "fires_retried_or_taken_over",
        db.count("SELECT COUNT(*) FROM schedule_fire WHERE attempts > 1"));
    violations.addAll(terminate(data, log, env));
    twilio.close();
    List<String> notes = new ArrayList<>();
    if (club.store().isPostgres()) {
      notes.add(DrillDatabase.POSTGRES_CHECK);
      notes.add(
          "schedule: on PostgreSQL the restarted node takes over the killed node's picked"
              + " execution only after server.missed_heartbeats x server.heartbeat_interval ("
              + DrillClub.PG_MISSED_HEARTBEATS
              + " x "
              + DrillClub.PG_HEARTBEAT
              + " here), and its run waits for the killed run's lease ("
              + DrillClub.PG_RUN_LEASE
              + "): a fire comes late, never skipped; checked after every kill that no execution"
              + " is set beyond the first fire after the kill (a picked one keeps its due time)");
    } else {
      notes.add(DrillDatabase.EMBEDDED_CHECK);
    }
    return new DrillResult("serve", killed, counts, violations, notes);
  }

  private List<String> check(
      Path data,
      Map<String, String> acknowledged,
      List<ClubWorkflow> workflows,
      Instant killInstant,
      String when) {
    List<String> violations = new ArrayList<>();
    DrillDatabase db = club.database(data);
    String integrity = db.integrity();
    if (!integrity.equals("ok")) {
      violations.add(when + ": integrity check: " + integrity);
      return violations;
    }
    Map<String, String> stored = db.map("SELECT payment_id, member_id FROM payment");
    Map<String, String> doors =
        db.map(
            "SELECT member_id, door_state || '/' || past_due_cents FROM member WHERE member_id IN (SELECT member_id FROM payment)");
    for (Map.Entry<String, String> payment : acknowledged.entrySet()) {
      if (!payment.getValue().equals(stored.get(payment.getKey()))) {
        violations.add(
            when + ": payment " + payment.getKey() + " was answered 2xx but is not stored");
      } else if (!"ACTIVE/0".equals(doors.get(payment.getValue()))) {
        violations.add(
            when
                + ": member "
                + payment.getValue()
                + " paid in full but is "
                + doors.get(payment.getValue()));
      }
    }
    Map<String, String> executions =
        db.map(
            "SELECT task_instance, "
                + db.epochMillis("execution_time")
                + " FROM scheduled_tasks WHERE task_name = 'workflow'");
    for (ClubWorkflow workflow : workflows) {
      String at = executions.get(workflow.instanceId());
      if (at == null) {
        violations.add(when + ": the schedule lost " + workflow.instanceId());
        continue;
      }
      Instant next = Instant.ofEpochMilli(Long.parseLong(at));
      Instant due = workflow.getSchedule().nextAfter(killInstant);
      if (next.isAfter(due)) {
        violations.add(
            when
                + ": "
                + workflow.instanceId()
                + " next runs "
                + next
                + ", skipping its fire at "
                + due);
      }
    }
    return violations;
  }

  private static void join(Thread thread) {
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A payment of the member's whole balance; whether serve answered 2xx. */
  private boolean pay(int port, String paymentId, String memberId, String cents) {
    long amount = Long.parseLong(cents);
    String body =
        String.format(
            "{\"payment_id\": \"%s\", \"member_id\": \"%s\", \"amount\": \"%d.%02d\", \"paid_at\": \"%s\"}",
            paymentId, memberId, amount / 100, amount % 100, Instant.now().minusSeconds(60));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + Webhooks.PAYMENTS))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .header(PaymentSignature.HEADER, signature.of(bytes))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() / 100 == 2;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The clean stop a SIGTERM must give: exit code 0, and the database whole. */
  private List<String> terminate(Path data, Path log, Map<String, String> env) {
    int port = freePort();
    ChildProcess serve =
        ChildProcess.start(
            club.root(), log, env, club.with(data, "serve", "--port", String.valueOf(port)));
    if (!awaitHealth(serve, port)) {
      serve.kill();
      return List.of("serve did not come up for the SIGTERM check; see " + log);
    }
    serve.terminate();
    int exit = serve.waitFor(180);
    List<String> violations = new ArrayList<>();
    if (exit != 0) {
      violations.add("SIGTERM: serve exited with " + exit + ", not 0; see " + log);
      if (exit == -1) {
        serve.kill();
      }
    }
    String integrity = club.database(data).integrity();
    if (!integrity.equals("ok")) {
      violations.add("after SIGTERM: integrity check: " + integrity);
    }
    return violations;
  }

  /** Whether serve answered 200 on /health before it died or 5 minutes passed. */
  static boolean awaitHealth(ChildProcess serve, int port) {
    long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
    while (System.nanoTime() < deadline && serve.isAlive()) {
      try {
        HttpResponse<Void> response =
            HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      DispatchDrill.sleep(100);
    }
    return false;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
