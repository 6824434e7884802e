package com.gymops.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.web.OpsServer;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunRequest;
import com.gymops.domain.ClubId;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.WorkflowId;
import com.gymops.fakes.FakeStripe;
import com.gymops.policy.MessageTemplates;
import com.gymops.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stripe end to end, on {@code serve}'s webhooks and a fake Stripe on loopback: a failed payment
 * opens the member's delinquency, the reminder carries Stripe's hosted invoice page, the paid event
 * unlocks the door and queues one "you're back in" text; every event is delivered twice, as Stripe
 * resends, and each effect happens once. Forged and stale signatures are refused with the reason.
 */
class StripePaymentsTest {
  /** Monday 2026-03-02, 10:00 in New York. */
  private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

  private static final MemberId ANA = new MemberId("ana");

  @TempDir Path directory;
  private FakeStripe stripe;
  private GymOpsApp app;
  private OpsServer server;
  private MutableClock clock;

  @BeforeEach
  void start() throws Exception {
    stripe = FakeStripe.start();
    open("");
  }

  private void open(String paymentSettings) throws Exception {
    var config =
        ConfigLoader.parse(
            "clubs: [{id: main, name: Main Street Fitness, timezone: America/New_York,"
                + " manager: {phone: \"+12125551234\"}}]\n"
                + "payments:\n"
                + "  provider: stripe\n"
                + "  stripe: {base_url: \""
                + stripe.baseUrl()
                + "\"}\n"
                + paymentSettings,
            Map.of(
                "GYMOPS_STRIPE_WEBHOOK_SECRET", FakeStripe.WEBHOOK_SECRET,
                "GYMOPS_STRIPE_API_KEY", FakeStripe.API_KEY),
            ZoneId.of("UTC"));
    clock = new MutableClock(T0, ZoneOffset.UTC);
    app = GymOpsApp.open(config, directory, clock);
    server = OpsServer.start(0, List::of, () -> "", app.webhooks());
    Path members = directory.resolve("members.csv");
    Files.writeString(
        members,
        "member_id,club_id,first_name,last_name,phone,email,status,joined_on,past_due_amount,"
            + "past_due_since,sms_consent,opted_out,door_state,payment_customer_id\n"
            + "ana,main,Ana,Lopez,+12125550101,ana@example.com,ACTIVE,2025-01-10,,,yes,no,,"
            + "cus_Ana1\n");
    app.importer().importMembers(members);
  }

  @Test
  void a_club_may_let_the_reminder_wait_for_stripes_next_try() throws Exception {
    server.close();
    app.close();
    open("  wait_for_provider_retry: true\n");
    long nextTry = T0.plus(Duration.ofDays(3)).getEpochSecond();
    String invoice = stripe.failedInvoice("cus_Ana1", 49_00, 1, nextTry, T0.getEpochSecond());
    stripe.deliver(
        url(),
        stripe.event("invoice.payment_failed", invoice, T0.getEpochSecond()),
        T0.getEpochSecond());

    clock.set(T0.plus(Duration.ofMinutes(30)));
    var report =
        app.runner()
            .run(
                new RunRequest(
                    WorkflowId.PAST_DUE_MONITORING,
                    new ClubId("main"),
                    RunMode.RULES,
                    false,
                    clock.instant()));
    assertThat(app.stores().outbox().ofMember(ANA)).isEmpty();
    assertThat(report.skipped()).containsEntry("payment provider retries the card", 1);

    // Stripe's try failed again and it will not try any more: the reminder goes.
    clock.set(T0.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)));
    stripe.failedAgain(invoice, null);
    stripe.deliver(
        url(),
        stripe.event("invoice.payment_failed", invoice, clock.instant().getEpochSecond()),
        clock.instant().getEpochSecond());
    app.runner()
        .run(
            new RunRequest(
                WorkflowId.PAST_DUE_MONITORING,
                new ClubId("main"),
                RunMode.RULES,
                false,
                clock.instant()));
    assertThat(app.stores().outbox().ofMember(ANA)).hasSize(1);
  }

  @AfterEach
  void stop() {
    server.close();
    app.close();
    stripe.close();
  }

  private String url() {
    return "http://127.0.0.1:" + server.port() + "/webhooks/stripe";
  }

  @Test
  void a_failed_payment_a_reminder_with_stripes_page_and_the_paid_event_each_once() {
    long nextTry = T0.plus(Duration.ofDays(3)).getEpochSecond();
    String invoice = stripe.failedInvoice("cus_Ana1", 49_00, 1, nextTry, T0.getEpochSecond());
    String failed = stripe.event("invoice.payment_failed", invoice, T0.getEpochSecond());

    var first = stripe.deliver(url(), failed, T0.getEpochSecond());
    var resent = stripe.deliver(url(), failed, T0.getEpochSecond() + 60);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).contains("\"status\":\"delinquency\"", "\"member_id\":\"ana\"");
    assertThat(resent.status()).isEqualTo(200);
    assertThat(resent.body()).contains("\"status\":\"replay\"");
    var ana = app.stores().members().find(ANA).orElseThrow();
    assertThat(ana.pastDue()).isEqualTo(Money.parse("49.00"));
    assertThat(ana.pastDueSince()).isEqualTo(LocalDate.of(2026, 3, 2));

    // The hourly run the same hour sees the delinquency; its reminder carries Stripe's page.
    clock.set(T0.plus(Duration.ofMinutes(30)));
    app.runner()
        .run(
            new RunRequest(
                WorkflowId.PAST_DUE_MONITORING,
                new ClubId("main"),
                RunMode.RULES,
                false,
                clock.instant()));
    List<OutboundMessage> texts = app.stores().outbox().ofMember(ANA);
    assertThat(texts).hasSize(1);
    assertThat(texts.get(0).body())
        .contains("https://invoice.stripe.com/i/acct_fake/test_" + invoice);

    // Day 4: the hourly door-access run locks Ana.
    clock.set(T0.plus(Duration.ofDays(4)));
    app.runner()
        .run(
            new RunRequest(
                WorkflowId.DOOR_ACCESS, new ClubId("main"), RunMode.RULES, false, clock.instant()));
    assertThat(app.stores().members().find(ANA).orElseThrow().door())
        .isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);

    // She pays on Stripe's page: invoice.paid, delivered twice.
    clock.set(T0.plus(Duration.ofDays(4)).plus(Duration.ofHours(2)));
    long paidAt = clock.instant().getEpochSecond();
    stripe.pay(invoice, paidAt);
    String paid = stripe.event("invoice.paid", invoice, paidAt);
    var paidFirst = stripe.deliver(url(), paid, paidAt);
    var paidAgain = stripe.deliver(url(), paid, paidAt + 5);
    assertThat(paidFirst.status()).as(paidFirst.body()).isEqualTo(200);
    assertThat(paidFirst.body()).contains("\"status\":\"paid\"", "\"door\":\"ACTIVE\"");
    assertThat(paidAgain.body()).contains("\"status\":\"replay\"");

    ana = app.stores().members().find(ANA).orElseThrow();
    assertThat(ana.pastDue()).isEqualTo(Money.ZERO);
    assertThat(ana.door()).isEqualTo(DoorAccess.OPEN);
    assertThat(app.stores().payments().ofMember(ANA)).hasSize(1);
    assertThat(
            app.stores().outbox().ofMember(ANA).stream()
                .filter(t -> t.templateKey().equals(MessageTemplates.ACCESS_RESTORED)))
        .hasSize(1);
    // The invoice is closed: the next text would not offer its page.
    assertThat(app.stores().payLinks().of(ANA)).isEmpty();
  }

  @Test
  void a_payment_recorded_just_before_a_crash_is_finished_by_stripes_resend() {
    String invoice = stripe.failedInvoice("cus_Ana1", 49_00, 4, null, T0.getEpochSecond());
    stripe.deliver(
        url(),
        stripe.event("invoice.payment_failed", invoice, T0.getEpochSecond()),
        T0.getEpochSecond());
    clock.set(T0.plus(Duration.ofDays(4)));
    app.runner()
        .run(
            new RunRequest(
                WorkflowId.DOOR_ACCESS, new ClubId("main"), RunMode.RULES, false, clock.instant()));
    assertThat(app.stores().members().find(ANA).orElseThrow().door())
        .isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);

    // The first delivery recorded the payment, then the process died (kill -9): no door run, no
    // closed invoice, the event not marked handled, no answer to Stripe.
    long paidAt = clock.instant().getEpochSecond();
    app.stores()
        .payments()
        .apply(
            new com.gymops.domain.Payment(
                "stripe:" + invoice + ":4900", ANA, Money.parse("49.00"), clock.instant()),
            clock.instant());
    assertThat(app.stores().members().find(ANA).orElseThrow().door())
        .isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);

    // Stripe resends what got no 2xx.
    stripe.pay(invoice, paidAt);
    String paid = stripe.event("invoice.paid", invoice, paidAt);
    var resent = stripe.deliver(url(), paid, paidAt);
    var again = stripe.deliver(url(), paid, paidAt + 30);

    assertThat(resent.status()).as(resent.body()).isEqualTo(200);
    assertThat(resent.body()).contains("\"payment\":\"replay\"", "\"door\":\"ACTIVE\"");
    assertThat(again.body()).contains("\"status\":\"replay\"");
    var ana = app.stores().members().find(ANA).orElseThrow();
    assertThat(ana.door()).isEqualTo(DoorAccess.OPEN);
    assertThat(ana.pastDue()).isEqualTo(Money.ZERO);
    assertThat(app.stores().payments().ofMember(ANA)).hasSize(1);
    assertThat(
            app.stores().outbox().ofMember(ANA).stream()
                .filter(t -> t.templateKey().equals(MessageTemplates.ACCESS_RESTORED)))
        .hasSize(1);
  }

  @Test
  void forged_stale_and_unsigned_deliveries_are_refused_with_the_reason() {
    String invoice = stripe.failedInvoice("cus_Ana1", 49_00, 1, null, T0.getEpochSecond());
    String failed = stripe.event("invoice.payment_failed", invoice, T0.getEpochSecond());

    var forged =
        stripe.deliver(
            url(), failed, FakeStripe.signatureHeader(failed, T0.getEpochSecond(), "whsec_other"));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("no v1 signature in Stripe-Signature matches");

    var stale = stripe.deliver(url(), failed, T0.getEpochSecond() - 301);
    assertThat(stale.status()).isEqualTo(403);
    assertThat(stale.body()).contains("301 s old, outside the tolerance of 300 s");

    var unsigned = stripe.deliver(url(), failed, (String) null);
    assertThat(unsigned.status()).isEqualTo(403);
    assertThat(unsigned.body()).contains("no Stripe-Signature header");

    var tampered =
        stripe.deliver(
            url(),
            failed.replace("4900", "1"),
            FakeStripe.signatureHeader(failed, T0.getEpochSecond(), FakeStripe.WEBHOOK_SECRET));
    assertThat(tampered.status()).isEqualTo(403);

    assertThat(app.stores().members().find(ANA).orElseThrow().pastDue()).isEqualTo(Money.ZERO);
  }

  @Test
  void an_unknown_customer_is_refused_until_imported_and_other_types_are_acknowledged() {
    String invoice = stripe.failedInvoice("cus_Nobody", 20_00, 1, null, T0.getEpochSecond());
    String failed = stripe.event("invoice.payment_failed", invoice, T0.getEpochSecond());
    var unknown = stripe.deliver(url(), failed, T0.getEpochSecond());
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.body()).contains("no member has payment_customer_id 'cus_Nobody'");

    String other = stripe.event("invoice.finalized", invoice, T0.getEpochSecond());
    var ignored = stripe.deliver(url(), other, T0.getEpochSecond());
    assertThat(ignored.status()).isEqualTo(200);
    assertThat(ignored.body()).contains("\"status\":\"ignored\"", "invoice.finalized");
  }

  @Test
  void without_a_page_in_the_event_the_link_is_read_from_stripe_through_a_rate_limit() {
    String invoice = stripe.failedInvoice("cus_Ana1", 30_00, 1, null, T0.getEpochSecond());
    String failed =
        stripe
            .event("invoice.payment_failed", invoice, T0.getEpochSecond())
            .replaceAll("\"hosted_invoice_url\":\"[^\"]*\"", "\"hosted_invoice_url\":null");
    stripe.failNext(429);
    var answer = stripe.deliver(url(), failed, T0.getEpochSecond());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(app.stores().payLinks().of(ANA))
        .contains("https://invoice.stripe.com/i/acct_fake/test_" + invoice);
    assertThat(stripe.requests())
        .extracting(FakeStripe.Request::path)
        .containsExactly("/v1/invoices/" + invoice, "/v1/invoices/" + invoice);
    assertThat(stripe.requests().get(1).authorization()).isEqualTo("Bearer " + FakeStripe.API_KEY);
    assertThat(com.gymops.adapter.persistence.Persistence.integrationHealth(app.database()).all())
        .anySatisfy(
            health -> {
              assertThat(health.name()).isEqualTo("payment_provider");
              assertThat(health.lastSuccessAt()).isNotNull();
            });
  }
}
