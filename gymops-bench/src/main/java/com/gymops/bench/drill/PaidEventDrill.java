package com.gymops.bench.drill;

import com.gymops.fakes.FakeTwilio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code gymops serve} with a payment provider ({@code stripe}: Stripe's {@code invoice.paid};
 * {@code square}: Square's {@code invoice.payment_made}), killed with SIGKILL at random moments
 * while the provider's paid events arrive for members locked for payment, then started again. Like
 * the providers, the drill sends an event that got no 2xx again, the same event (same id, body and
 * a fresh signature) first thing after the restart, and sends some answered events again too. After
 * every kill: every event answered 2xx has its payment stored once ({@code
 * <provider>:<invoice>:<cents>}), its member owes nothing and the door is open; no member has two
 * "you're back in" texts; the database passes its integrity check.
 */
final class PaidEventDrill {
  private final DrillClub club;
  private final Random random;
  private final Consumer<String> progress;
  private final PaidEvents provider;

  PaidEventDrill(DrillClub club, Random random, Consumer<String> progress, PaidEvents provider) {
    this.club = club;
    this.random = random;
    this.progress = progress;
    this.provider = provider;
  }

  DrillResult run(int kills) {
    try (provider) {
      return drill(kills);
    }
  }

  private DrillResult drill(int kills) {
    String name = provider.name();
    List<String> violations = new ArrayList<>();
    Path data = club.copyTo(club.root().resolve(name + "-data"));
    Path log = club.root().resolve(name + "-serve.log");
    Path config = club.root().resolve(name + "-drill.yml");
    DrillDatabase db = club.database(data);
    db.update("UPDATE member SET payment_customer_id = 'cus_' || member_id");
    List<String[]> debtors =
        db
            .rows(
                "SELECT member_id, past_due_cents FROM member WHERE door_state = 'LOCKED'"
                    + " AND lock_reason = 'PAYMENT' AND past_due_cents > 0 ORDER BY member_id")
            .stream()
            .map(row -> new String[] {row.get(0), row.get(1)})
            .toList();
    Map<String, String> env = new HashMap<>(provider.environment());
    FakeTwilio twilio = FakeTwilio.start();
    env.putAll(twilio.environment());
    long events = 0;
    long resentAnswered = 0;
    long finallyResent = 0;
    int killed = 0;
    try {
      Files.writeString(config, Files.readString(club.configFor(data)) + provider.configYaml());
      // member -> (payment id, event): each debtor pays one invoice once; resends are that event.
      Map<String, String[]> paid = new LinkedHashMap<>();
      for (String[] debtor : debtors) {
        paid.put(debtor[0], provider.paidInvoice("cus_" + debtor[0], Long.parseLong(debtor[1])));
      }
      Map<String, String> acknowledged = new LinkedHashMap<>();
      List<String> unanswered = Collections.synchronizedList(new ArrayList<>());
      int next = 0;
      while (killed < kills && next < debtors.size()) {
        int port = ServeDrill.freePort();
        String[] args = club.with(data, "serve", "--port", String.valueOf(port));
        args[1] = config.toString();
        ChildProcess serve = ChildProcess.start(club.root(), log, env, args);
        if (!ServeDrill.awaitHealth(serve, port)) {
          violations.add("serve did not come up after kill " + killed + "; see " + log);
          serve.kill();
          break;
        }
        String url = "http://127.0.0.1:" + port + "/webhooks/" + name;
        List<String> resend = new ArrayList<>(unanswered);
        unanswered.clear();
        // A few answered ones again, as a provider may deliver an event more than once.
        List<String> again = new ArrayList<>(acknowledged.values());
        Collections.shuffle(again, random);
        resend.addAll(again.subList(0, Math.min(5, again.size())));
        int end = Math.min(debtors.size(), next + 200);
        AtomicInteger cursor = new AtomicInteger(next);
        AtomicBoolean stop = new AtomicBoolean();
        List<String> answeredNow = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger resendOk = new AtomicInteger();
        Thread sender =
            new Thread(
                () -> {
                  for (String member : resend) {
                    if (!stop.get() && provider.deliver(url, paid.get(member)[1])) {
                      answeredNow.add(member);
                      resendOk.incrementAndGet();
                    } else if (!acknowledged.containsValue(member)) {
                      unanswered.add(member);
                    }
                  }
                  while (!stop.get()) {
                    int i = cursor.getAndIncrement();
                    if (i >= end) {
                      return;
                    }
                    String member = debtors.get(i)[0];
                    if (provider.deliver(url, paid.get(member)[1])) {
                      answeredNow.add(member);
                    } else {
                      unanswered.add(member);
                    }
                  }
                },
                "drill-" + name + "-events");
        sender.start();
        DispatchDrill.sleep(300 + random.nextInt(2_500));
        serve.kill();
        stop.set(true);
        try {
          sender.join(30_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
        next = Math.min(cursor.get(), end);
        for (String member : answeredNow) {
          if (acknowledged.put(paid.get(member)[0], member) == null) {
            events++;
          }
        }
        resentAnswered += resendOk.get();
        killed++;
        violations.addAll(check(data, acknowledged, "after kill " + killed));
        progress.accept(
            name
                + ": kill "
                + killed
                + ", "
                + events
                + " paid events acknowledged, "
                + violations.size()
                + " broken invariants");
      }
      // The last kill's unanswered events, resent to a serve left to finish: the provider's
      // retries after an outage. Each must end stored once with the door open.
      if (!unanswered.isEmpty() && violations.isEmpty()) {
        int port = ServeDrill.freePort();
        String[] args = club.with(data, "serve", "--port", String.valueOf(port));
        args[1] = config.toString();
        ChildProcess serve = ChildProcess.start(club.root(), log, env, args);
        if (ServeDrill.awaitHealth(serve, port)) {
          String url = "http://127.0.0.1:" + port + "/webhooks/" + name;
          for (String member : new ArrayList<>(unanswered)) {
            if (provider.deliver(url, paid.get(member)[1])) {
              acknowledged.put(paid.get(member)[0], member);
              events++;
              finallyResent++;
            } else {
              violations.add("the resend of " + member + "'s event after the drill got no 2xx");
            }
          }
        } else {
          violations.add("serve did not come up for the final resends; see " + log);
        }
        serve.kill();
        violations.addAll(check(data, acknowledged, "after the final resends"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      twilio.close();
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("acknowledged_events", events);
    counts.put("acknowledged_resends", resentAnswered);
    counts.put("answered_in_the_final_resends", finallyResent);
    counts.put(
        "acknowledged_payments_lost",
        violations.stream().filter(v -> v.contains("not stored")).count());
    counts.put(
        "restored_texts",
        db.count("SELECT COUNT(*) FROM outbound_message WHERE template_key = 'access_restored'"));
    List<String> notes = new ArrayList<>();
    notes.add(
        club.store().isPostgres() ? DrillDatabase.POSTGRES_CHECK : DrillDatabase.EMBEDDED_CHECK);
    return new DrillResult(name, killed, counts, violations, notes);
  }

  private List<String> check(Path data, Map<String, String> acknowledged, String when) {
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
            "SELECT member_id, door_state || '/' || past_due_cents FROM member"
                + " WHERE member_id IN (SELECT member_id FROM payment)");
    for (Map.Entry<String, String> payment : acknowledged.entrySet()) {
      if (!payment.getValue().equals(stored.get(payment.getKey()))) {
        violations.add(
            when + ": event for " + payment.getKey() + " was answered 2xx but is not stored");
      } else if (!"ACTIVE/0".equals(doors.get(payment.getValue()))) {
        violations.add(
            when
                + ": member "
                + payment.getValue()
                + " paid in full but is "
                + doors.get(payment.getValue()));
      }
    }
    for (List<String> twice :
        db.rows(
            "SELECT member_id, COUNT(*) FROM outbound_message WHERE template_key ="
                + " 'access_restored' GROUP BY member_id HAVING COUNT(*) > 1")) {
      violations.add(
          when + ": member " + twice.get(0) + " has " + twice.get(1) + " restored texts");
    }
    return violations;
  }
}
