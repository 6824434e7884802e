package com.gymops.bench;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.web.OpsServer;
import com.gymops.app.GymOpsApp;
import com.gymops.fakes.FakeStripe;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A member pays on Stripe's page and walks to the door: Stripe's {@code invoice.paid} POSTed,
 * signed, to {@code serve}'s {@code /webhooks/stripe} (its web server, started in this process),
 * timed until the club's door system ({@code door.system: http}, a recording HTTP server on
 * loopback) receives the restore call for that member. The path is today's: the payment recorded, a
 * door-access run for the member through the one runner, the unlock asked of the door system, one
 * text queued. Wall-clock time throughout, as Stripe's signature needs.
 */
final class PaymentScenario {
  static final int MEMBERS = 2_000;
  static final int GOAL_MS = 5_000;

  private final Path root;
  private final Consumer<String> progress;

  PaymentScenario(Path root, Consumer<String> progress) {
    this.root = root;
    this.progress = progress;
  }

  PaymentFigures measure(BenchSettings settings) {
    int warmups = Math.max(1, settings.warmups());
    int events = Math.max(5, settings.repetitions() * 5);
    Path directory = root.resolve("payments");
    Map<String, Long> unlockedAt = new ConcurrentHashMap<>();
    HttpServer door = doorSystem(unlockedAt);
    try (FakeStripe stripe = FakeStripe.start()) {
      Files.createDirectories(directory);
      String doorBase = "http://127.0.0.1:" + door.getAddress().getPort();
      var config =
          ConfigLoader.parse(
              "clubs: [{id: main, name: Bench Fitness, timezone: America/New_York,"
                  + " manager: {phone: \"+12125551234\"}}]\n"
                  + "door:\n"
                  + "  system: http\n"
                  + "  http:\n"
                  + "    suspend: {method: POST, url: \""
                  + doorBase
                  + "/suspend/{member_id}\"}\n"
                  + "    restore: {method: POST, url: \""
                  + doorBase
                  + "/restore/{member_id}\"}\n"
                  + "payments: {provider: stripe, stripe: {base_url: \""
                  + stripe.baseUrl()
                  + "\"}}\n",
              Map.of(
                  "GYMOPS_STRIPE_WEBHOOK_SECRET", FakeStripe.WEBHOOK_SECRET,
                  "GYMOPS_STRIPE_API_KEY", FakeStripe.API_KEY),
              ZoneId.of("UTC"));
      try (GymOpsApp app = GymOpsApp.open(config, directory, Clock.systemUTC());
          OpsServer server = OpsServer.start(0, List::of, () -> "", app.webhooks())) {
        Path members = directory.resolve("members.csv");
        Files.writeString(members, membersCsv());
        app.importer().importMembers(members);
        String url = "http://127.0.0.1:" + server.port() + "/webhooks/stripe";
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < warmups + events; i++) {
          String member = "m" + (i * 10);
          long now = Instant.now().getEpochSecond();
          String invoice = stripe.failedInvoice("cus_" + member, 49_00, 4, null, now - 86_400);
          stripe.pay(invoice, now);
          String paid = stripe.event("invoice.paid", invoice, now);
          long started = System.nanoTime();
          var answer = stripe.deliver(url, paid, now);
          Long arrived = unlockedAt.get("/restore/" + member);
          if (answer.status() != 200 || arrived == null) {
            throw new IllegalStateException(
                "the paid event of " + member + " did not unlock: " + answer.body());
          }
          if (i >= warmups) {
            millis.add((arrived - started) / 1e6);
          }
        }
        List<Double> sorted = millis.stream().sorted().toList();
        PaymentFigures figures =
            new PaymentFigures(
                MEMBERS,
                warmups,
                sorted.size(),
                round(sorted.get(sorted.size() / 2)),
                round(sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1)),
                round(sorted.get(sorted.size() - 1)),
                GOAL_MS);
        progress.accept(
            String.format(
                java.util.Locale.ROOT,
                "payment: paid event to unlock call, median %.1f ms, p95 %.1f ms (%d events)",
                figures.medianMs(),
                figures.p95Ms(),
                figures.events()));
        return figures;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      door.stop(0);
      SeededClubs.deleteDirectory(directory);
    }
  }

  /** Every tenth member owes $49.00 since 30 days and is locked for payment. */
  private static String membersCsv() {
    StringBuilder csv =
        new StringBuilder(
            "member_id,club_id,first_name,last_name,phone,email,status,joined_on,"
                + "past_due_amount,past_due_since,sms_consent,opted_out,door_state,"
                + "payment_customer_id\n");
    LocalDate since = LocalDate.now(ZoneId.of("America/New_York")).minusDays(30);
    for (int i = 0; i < MEMBERS; i++) {
      boolean locked = i % 10 == 0;
      csv.append("m")
          .append(i)
          .append(",main,Member,Number")
          .append(i)
          .append(",+1212555")
          .append(String.format("%04d", i))
          .append(",,ACTIVE,2025-01-10,")
          .append(locked ? "49.00," + since : ",")
          .append(",yes,no,")
          .append(locked ? "LOCKED_PAYMENT" : "")
          .append(",cus_m")
          .append(i)
          .append('\n');
    }
    return csv.toString();
  }

  /** The door system: answers 200 to every call and notes when each path first arrived. */
  private static HttpServer doorSystem(Map<String, Long> arrivals) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            try (exchange) {
              arrivals.putIfAbsent(exchange.getRequestURI().getPath(), System.nanoTime());
              exchange.getRequestBody().readAllBytes();
              exchange.sendResponseHeaders(200, -1);
            }
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the door system", e);
    }
  }

  private static double round(double millis) {
    return Math.round(millis * 10) / 10.0;
  }
}
