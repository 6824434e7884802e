package com.gymops.bench.drill;

import com.gymops.fakes.FakeTwilio;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code gymops dispatch} killed mid-pass, again and again, against a fake Twilio that keeps every
 * text it receives; each pass is rerun until one finishes. Invariants: no text reaches Twilio
 * twice; every text Twilio received is marked in the outbox (never QUEUED again, so never resent);
 * the database opens and passes its integrity check after every kill.
 */
final class DispatchDrill {
  /** Kills before each pass is let finish: a message may face several kills. */
  private static final int KILLS_PER_PASS = 5;

  private final DrillClub club;
  private final Random random;
  private final Consumer<String> progress;

  DispatchDrill(DrillClub club, Random random, Consumer<String> progress) {
    this.club = club;
    this.random = random;
    this.progress = progress;
  }

  DrillResult run(int kills) {
    List<String> violations = new ArrayList<>();
    Path data = club.root().resolve("dispatch-data");
    Path log = club.root().resolve("dispatch.log");
    int killed = 0;
    long received = 0;
    long passes = 0;
    long unknown = 0;
    String at = club.runAt().toString();
    try (FakeTwilio twilio = FakeTwilio.start()) {
      Map<String, String> env = new HashMap<>(twilio.environment());
      Path queued = club.root().resolve("dispatch-queued");
      club.copy(club.template(), queued);
      queue(queued, log, env);
      while (killed < kills) {
        club.copy(queued, data);
        int before = twilio.requests().size();
        for (int k = 0; k < KILLS_PER_PASS && killed < kills; k++) {
          ChildProcess dispatch =
              ChildProcess.start(club.root(), log, env, club.with(data, "dispatch", "--at", at));
          // Kill while texts go out: wait for the first one of this process, then up to 2 s.
          int seen = twilio.requests().size();
          while (dispatch.isAlive() && twilio.requests().size() == seen) {
            sleep(10);
          }
          sleep(random.nextInt(2_000));
          if (!dispatch.isAlive()) {
            break;
          }
          dispatch.kill();
          killed++;
          check(data, violations, "after kill " + killed);
          progress.accept(
              "dispatch: kill "
                  + killed
                  + ", "
                  + (received + twilio.requests().size() - before)
                  + " texts received, "
                  + violations.size()
                  + " broken invariants");
        }
        ChildProcess last =
            ChildProcess.start(club.root(), log, env, club.with(data, "dispatch", "--at", at));
        last.waitFor(600);
        passes++;
        List<FakeTwilio.Request> requests = twilio.requests();
        received += requests.size() - before;
        violations.addAll(duplicates(requests.subList(before, requests.size()), "pass " + passes));
        violations.addAll(
            unmarked(data, requests.subList(before, requests.size()), "pass " + passes));
        if (requests.size() == before) {
          // Nothing was queued (or nothing sent): the drill would pass again and again, killing
          // nothing.
          violations.add("pass " + passes + ": dispatch sent no text; see " + log);
          break;
        }
        unknown +=
            club.database(data)
                .count(
                    "SELECT COUNT(*) FROM outbound_message WHERE status IN ('SENDING', 'FAILED') AND channel = 'SMS'");
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("passes", passes);
    counts.put("texts_received", received);
    counts.put(
        "texts_received_twice", violations.stream().filter(v -> v.contains("twice")).count());
    counts.put("left_sending_or_failed", unknown);
    return new DrillResult(
        "dispatch",
        killed,
        counts,
        violations,
        List.of(
            club.store().isPostgres()
                ? DrillDatabase.POSTGRES_CHECK
                : DrillDatabase.EMBEDDED_CHECK));
  }

  /** Plans the day's texts (campaigns and reminders) into the outbox, unkilled. */
  private void queue(Path data, Path log, Map<String, String> env) {
    String at = club.runAt().toString();
    for (String workflow : List.of("past-due-monitoring", "daily-campaigns")) {
      ChildProcess run =
          ChildProcess.start(club.root(), log, env, club.with(data, "run", workflow, "--at", at));
      if (run.waitFor(600) != 0) {
        throw new IllegalStateException("gymops run " + workflow + " failed; see " + log);
      }
    }
  }

  private void check(Path data, List<String> violations, String when) {
    String integrity = club.database(data).integrity();
    if (!integrity.equals("ok")) {
      violations.add(when + ": integrity check: " + integrity);
    }
  }

  /** Our message, as Twilio sees it: its recipient and text (unique per message in the club). */
  private static List<String> duplicates(List<FakeTwilio.Request> requests, String when) {
    Map<String, Long> seen =
        requests.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.to() + "|" + r.form().get("Body"), Collectors.counting()));
    return seen.entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .map(
            e -> when + ": a text reached Twilio twice (" + e.getValue() + " times): " + e.getKey())
        .toList();
  }

  /** A text Twilio has must never be QUEUED again, or the next dispatch would send it twice. */
  private List<String> unmarked(Path data, List<FakeTwilio.Request> requests, String when) {
    Set<String> queued =
        club
            .database(data)
            .rows(
                "SELECT recipient, body FROM outbound_message WHERE status = 'QUEUED' AND channel = 'SMS'")
            .stream()
            .map(row -> row.get(0) + "|" + row.get(1))
            .collect(Collectors.toSet());
    return requests.stream()
        .map(r -> r.to() + "|" + r.form().get("Body"))
        .filter(queued::contains)
        .map(key -> when + ": Twilio has a text still QUEUED in the outbox: " + key)
        .toList();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
