package com.gymops.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.persistence.Persistence;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunRequest;
import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.WorkflowId;
import com.gymops.fakes.FakeSquare;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * Square invoices made on demand, end to end: a past-due member of a Square club with a customer id
 * and no invoice of Square's gets one made, published and put in the reminder; the next run makes
 * none; Square failing leaves the reminder with the template's link (docs/INTEGRATIONS.md,
 * "Invoices made on demand").
 */
class SquareInvoicesOnDemandTest {
  private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
  private static final MemberId BO = new MemberId("bo");
  private static final String CUSTOMER = "JDKYHBWT1D4F8MFH63DBMEN8Y4";

  @TempDir Path directory;
  private FakeSquare square;
  private GymOpsApp app;
  private MutableClock clock;

  @BeforeEach
  void start() throws Exception {
    square = FakeSquare.start();
    var config =
        ConfigLoader.parse(
            "clubs: [{id: main, name: Main Street Fitness, timezone: America/New_York,"
                + " manager: {phone: \"+12125551234\"}}]\n"
                + "messaging:\n"
                + "  pay_link: https://pay.example.com/{member_id}\n"
                + "payments:\n"
                + "  provider: square\n"
                + "  square: {base_url: \""
                + square.baseUrl()
                + "\", notification_url: \"https://gym.example.com/webhooks/square\","
                + " location_id: "
                + FakeSquare.LOCATION_ID
                + "}\n",
            Map.of(
                "GYMOPS_SQUARE_SIGNATURE_KEY", FakeSquare.SIGNATURE_KEY,
                "GYMOPS_SQUARE_ACCESS_TOKEN", FakeSquare.ACCESS_TOKEN),
            ZoneId.of("UTC"));
    clock = new MutableClock(T0, ZoneOffset.UTC);
    app = GymOpsApp.open(config, directory, clock);
    Path members = directory.resolve("members.csv");
    Files.writeString(
        members,
        "member_id,club_id,first_name,last_name,phone,email,status,joined_on,past_due_amount,"
            + "past_due_since,sms_consent,opted_out,door_state,payment_customer_id\n"
            + "bo,main,Bo,Reyes,+12125550102,bo@example.com,ACTIVE,2025-01-10,59.00,2026-02-27,"
            + "yes,no,,"
            + CUSTOMER
            + "\n"
            + "cy,main,Cy,Lund,+12125550103,cy@example.com,ACTIVE,2025-01-10,40.00,2026-02-27,"
            + "yes,no,,\n");
    app.importer().importMembers(members);
  }

  @AfterEach
  void stop() {
    app.close();
    square.close();
  }

  private void run() {
    app.runner()
        .run(
            new RunRequest(
                WorkflowId.PAST_DUE_MONITORING,
                new ClubId("main"),
                RunMode.RULES,
                false,
                clock.instant()));
  }

  private List<String> texts(MemberId member) {
    return app.stores().outbox().ofMember(member).stream().map(OutboundMessage::body).toList();
  }

  private long invoicesCreated() {
    return square.requests().stream()
        .filter(r -> r.method().equals("POST") && r.path().equals("/v2/invoices"))
        .count();
  }

  @Test
  void a_past_due_member_is_reminded_with_the_page_of_a_square_invoice_made_once() {
    run();

    assertThat(square.invoicesNow()).hasSize(1);
    String invoice = square.invoicesNow().keySet().iterator().next();
    String page = "https://squareup.com/pay-invoice/" + invoice;
    assertThat(square.invoiceNow(invoice))
        .containsEntry("status", "UNPAID")
        .containsEntry("delivery_method", "SHARE_MANUALLY")
        .containsEntry("primary_recipient", Map.of("customer_id", CUSTOMER));
    assertThat(texts(BO)).singleElement().satisfies(text -> assertThat(text).contains(page));
    // The one without a customer id at Square keeps the template's link.
    assertThat(texts(new MemberId("cy")))
        .singleElement()
        .satisfies(text -> assertThat(text).contains("https://pay.example.com/cy"));
    assertThat(app.stores().members().find(BO).orElseThrow().pastDue())
        .isEqualTo(Money.parse("59.00"));

    clock.set(T0.plus(Duration.ofDays(4)));
    run();

    assertThat(texts(BO)).hasSize(2).allSatisfy(text -> assertThat(text).contains(page));
    assertThat(invoicesCreated()).isEqualTo(1);
    assertThat(square.invoicesNow()).hasSize(1);
  }

  @Test
  void square_failing_leaves_the_reminder_with_the_template_link_and_the_next_run_makes_it() {
    square.failNext(500, 500, 500);

    run();

    assertThat(texts(BO))
        .singleElement()
        .satisfies(
            text ->
                assertThat(text)
                    .contains("https://pay.example.com/bo")
                    .doesNotContain("squareup.com"));
    assertThat(square.invoicesNow()).isEmpty();
    assertThat(Persistence.providerBilling(app.database()).openOf(List.of(BO))).isEmpty();

    clock.set(T0.plus(Duration.ofDays(4)));
    run();

    assertThat(square.invoicesNow()).hasSize(1);
    assertThat(texts(BO).get(1)).contains("https://squareup.com/pay-invoice/");
  }

  @Test
  void a_dry_run_asks_nothing_of_square() {
    app.runner()
        .run(
            new RunRequest(
                WorkflowId.PAST_DUE_MONITORING,
                new ClubId("main"),
                RunMode.RULES,
                true,
                clock.instant()));

    assertThat(square.requests()).isEmpty();
  }
}
