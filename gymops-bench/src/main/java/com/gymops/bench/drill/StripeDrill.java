package com.gymops.bench.drill;

import com.gymops.fakes.FakeStripe;
import com.gymops.fakes.FakeTwilio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * {@code gymops serve} with {@code payments.provider: stripe}, killed with SIGKILL at random
 * moments while Stripe's {@code invoice.paid} events arrive for members locked for payment, then
 * started again. Like Stripe, the drill sends an event that got no 2xx again, the same event (same
 * id, body and a fresh signature) first thing after the restart, and sends some answered events
 * again too. After every kill: every event answered 2xx has its payment stored once ({@code
 * stripe:<invoice>:<cents>}), its member owes nothing and the door is open; no member has two
 * "you're back in" texts; the database passes its integrity check.
 */
final class StripeDrill {
  private final DrillClub club;
  private final Random random;
  private final Consumer<String> progress;

  StripeDrill(DrillClub club, Random random, Consumer<String> progress) {
    this.club = club;
    this.random = random;
    this.progress = progress;
  }

  DrillResult run(int kills) {
    List<String> violations = new ArrayList<>();
    Path data = club.copyTo(club.root().resolve("stripe-data"));
    Path log = club.root().resolve("stripe-serve.log");
    Path config = club.root().resolve("stripe-drill.yml");
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
    Map<String, String> env = new HashMap<>();
    env.put("GYMOPS_STRIPE_WEBHOOK_SECRET", FakeStripe.WEBHOOK_SECRET);
    FakeTwilio twilio = FakeTwilio.start();
    env.putAll(twilio.environment());
    long events = 0;
    long resentAnswered = 0;
    long finallyResent = 0;
    int killed = 0;
    try (FakeStripe stripe = FakeStripe.start()) {
      Files.writeString(
          config,
          Files.readString(club.configFor(data))
              + "\npayments:\n  provider: stripe\n  stripe: {base_url: \""
              + stripe.baseUrl()
              + "\"}\n");
      // member -> (payment id, event): each debtor pays one invoice once; resends are that event.
      Map<String, String[]> paid = new LinkedHashMap<>();
      long now = Instant.now().getEpochSecond();
      for (String[] debtor : debtors) {
        long cents = Long.parseLong(debtor[1]);
        String invoice = stripe.failedInvoice("cus_" + debtor[0], cents, 4, null, now - 86_400);
        stripe.pay(invoice, now);
        paid.put(
            debtor[0],
            new String[] {
              "stripe:" + invoice + ":" + cents, stripe.event("invoice.paid", invoice, now)
            });
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
        String url = "http://127.0.0.1:" + port + "/webhooks/stripe";
        List<String> resend = new ArrayList<>(unanswered);
        unanswered.clear();
        // A few answered ones again, as Stripe may deliver an event more than once.
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
                    if (!stop.get() && deliver(stripe, url, paid.get(member)[1])) {
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
                    if (deliver(stripe, url, paid.get(member)[1])) {
                      answeredNow.add(member);
                    } else {
                      unanswered.add(member);
                    }
                  }
                },
                "drill-stripe-events");
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
            "stripe: kill "
                + killed
                + ", "
                + events
                + " paid events acknowledged, "
                + violations.size()
                + " broken invariants");
      }
      // The last kill's unanswered events, resent to a serve left to finish: Stripe's retries
      // after an outage. Each must end stored once with the door open.
      if (!unanswered.isEmpty() && violations.isEmpty()) {
        int port = ServeDrill.freePort();
        String[] args = club.with(data, "serve", "--port", String.valueOf(port));
        args[1] = config.toString();
        ChildProcess serve = ChildProcess.start(club.root(), log, env, args);
        if (ServeDrill.awaitHealth(serve, port)) {
          String url = "http://127.0.0.1:" + port + "/webhooks/stripe";
          for (String member : new ArrayList<>(unanswered)) {
            if (deliver(stripe, url, paid.get(member)[1])) {
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
    return new DrillResult("stripe", killed, counts, violations, notes);
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

  /** Whether serve answered the event 2xx (signed now, as Stripe signs each delivery). */
  private static boolean deliver(FakeStripe stripe, String url, String event) {
    try {
      return stripe.deliver(url, event, Instant.now().getEpochSecond()).status() / 100 == 2;
    } catch (IllegalStateException e) {
      return false;
    }
  }
}
