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
import com.gymops.domain.WorkflowId;
import com.gymops.fakes.FakeSquare;
import com.gymops.policy.MessageTemplates;
import com.gymops.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Square end to end, on {@code serve}'s webhooks and a fake Square on loopback: a failed scheduled
 * charge opens the delinquency with the invoice's {@code public_url}, the reminder carries it, and
 * {@code invoice.payment_made} unlocks the door with one text, each once under resent events. The
 * signature covers {@code payments.square.notification_url}, not where the request landed.
 */
class SquarePaymentsTest {
  private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
  private static final MemberId BO = new MemberId("bo");
  private static final String NOTIFICATION_URL = "https://gym.example.com/webhooks/square";

  @org.junit.jupiter.api.io.TempDir Path directory;
  private FakeSquare square;
  private GymOpsApp app;
  private OpsServer server;
  private MutableClock clock;

  @BeforeEach
  void start() throws Exception {
    square = FakeSquare.start();
    var config =
        ConfigLoader.parse(
            "clubs: [{id: main, name: Main Street Fitness, timezone: America/New_York,"
                + " manager: {phone: \"+12125551234\"}}]\n"
                + "payments:\n"
                + "  provider: square\n"
                + "  square: {base_url: \""
                + square.baseUrl()
                + "\", notification_url: \""
                + NOTIFICATION_URL
                + "\"}\n",
            Map.of(
                "GYMOPS_SQUARE_SIGNATURE_KEY", FakeSquare.SIGNATURE_KEY,
                "GYMOPS_SQUARE_ACCESS_TOKEN", FakeSquare.ACCESS_TOKEN),
            ZoneId.of("UTC"));
    clock = new MutableClock(T0, ZoneOffset.UTC);
    app = GymOpsApp.open(config, directory, clock);
    server = OpsServer.start(0, List::of, () -> "", app.webhooks());
    Path members = directory.resolve("members.csv");
    Files.writeString(
        members,
        "member_id,club_id,first_name,last_name,phone,email,status,joined_on,past_due_amount,"
            + "past_due_since,sms_consent,opted_out,door_state,payment_customer_id\n"
            + "bo,main,Bo,Reyes,+12125550102,bo@example.com,ACTIVE,2025-01-10,,,yes,no,,"
            + "JDKYHBWT1D4F8MFH63DBMEN8Y4\n");
    app.importer().importMembers(members);
  }

  @AfterEach
  void stop() {
    server.close();
    app.close();
    square.close();
  }

  private String url() {
    return "http://127.0.0.1:" + server.port() + "/webhooks/square";
  }

  @Test
  void a_failed_charge_a_reminder_with_squares_page_and_the_payment_each_once() {
    String invoice = square.unpaidInvoice("JDKYHBWT1D4F8MFH63DBMEN8Y4", 59_00);
    String failed = square.event("invoice.scheduled_charge_failed", invoice, T0);
    assertThat(square.deliver(url(), NOTIFICATION_URL, failed).body())
        .contains("\"status\":\"delinquency\"");
    assertThat(square.deliver(url(), NOTIFICATION_URL, failed).body())
        .contains("\"status\":\"replay\"");
    assertThat(app.stores().members().find(BO).orElseThrow().pastDue())
        .isEqualTo(Money.parse("59.00"));

    clock.set(T0.plus(Duration.ofMinutes(30)));
    app.runner()
        .run(
            new RunRequest(
                WorkflowId.PAST_DUE_MONITORING,
                new ClubId("main"),
                RunMode.RULES,
                false,
                clock.instant()));
    assertThat(app.stores().outbox().ofMember(BO))
        .singleElement()
        .satisfies(
            text ->
                assertThat(text.body()).contains("https://squareup.com/pay-invoice/" + invoice));

    clock.set(T0.plus(Duration.ofDays(4)));
    app.runner()
        .run(
            new RunRequest(
                WorkflowId.DOOR_ACCESS, new ClubId("main"), RunMode.RULES, false, clock.instant()));
    assertThat(app.stores().members().find(BO).orElseThrow().door())
        .isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);

    square.pay(invoice);
    String paid = square.event("invoice.payment_made", invoice, clock.instant());
    String updated = square.event("invoice.updated", invoice, clock.instant());
    assertThat(square.deliver(url(), NOTIFICATION_URL, paid).body())
        .contains("\"status\":\"paid\"", "\"door\":\"ACTIVE\"");
    assertThat(square.deliver(url(), NOTIFICATION_URL, updated).body())
        .contains("\"status\":\"noted\"");
    assertThat(square.deliver(url(), NOTIFICATION_URL, paid).body())
        .contains("\"status\":\"replay\"");

    var bo = app.stores().members().find(BO).orElseThrow();
    assertThat(bo.pastDue()).isEqualTo(Money.ZERO);
    assertThat(bo.door()).isEqualTo(DoorAccess.OPEN);
    assertThat(app.stores().payments().ofMember(BO)).hasSize(1);
    assertThat(
            app.stores().outbox().ofMember(BO).stream()
                .filter(t -> t.templateKey().equals(MessageTemplates.ACCESS_RESTORED)))
        .hasSize(1);
    assertThat(app.stores().payLinks().of(BO)).isEmpty();
  }

  @Test
  void a_delivery_signed_for_the_url_it_landed_on_is_refused_as_forged() {
    String invoice = square.unpaidInvoice("JDKYHBWT1D4F8MFH63DBMEN8Y4", 59_00);
    String failed = square.event("invoice.scheduled_charge_failed", invoice, T0);
    var answer = square.deliver(url(), url(), failed);
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body()).contains("does not match", NOTIFICATION_URL);
    var unsigned = square.deliverSigned(url(), failed, null);
    assertThat(unsigned.status()).isEqualTo(403);
    assertThat(app.stores().members().find(BO).orElseThrow().pastDue()).isEqualTo(Money.ZERO);
  }

  @Test
  void stripes_endpoint_is_off_while_the_provider_is_square_and_changes_nothing() {
    String invoice = square.unpaidInvoice("JDKYHBWT1D4F8MFH63DBMEN8Y4", 59_00);
    String failed = square.event("invoice.scheduled_charge_failed", invoice, T0);

    var answer =
        square.deliverSigned(
            "http://127.0.0.1:" + server.port() + "/webhooks/stripe", failed, null);

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body()).contains("payments.provider is not stripe: this endpoint is off");
    assertThat(app.stores().members().find(BO).orElseThrow().pastDue()).isEqualTo(Money.ZERO);
  }

  @Test
  void a_failed_charge_without_a_page_reads_it_from_square_with_the_version_header() {
    String invoice = square.unpaidInvoice("JDKYHBWT1D4F8MFH63DBMEN8Y4", 25_00);
    String failed =
        square
            .event("invoice.scheduled_charge_failed", invoice, T0)
            .replaceAll(",\"public_url\":\"[^\"]*\"", "");
    square.failNext(503);
    assertThat(square.deliver(url(), NOTIFICATION_URL, failed).status()).isEqualTo(200);
    assertThat(app.stores().payLinks().of(BO))
        .contains("https://squareup.com/pay-invoice/" + invoice);
    assertThat(square.requests())
        .hasSize(2)
        .allSatisfy(
            request -> {
              assertThat(request.path()).isEqualTo("/v2/invoices/" + invoice);
              assertThat(request.squareVersion()).isEqualTo("2025-01-23");
            });
  }
}
