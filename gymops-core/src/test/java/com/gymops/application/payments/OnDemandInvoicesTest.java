package com.gymops.application.payments;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.payments.SquareInvoices;
import com.gymops.adapter.persistence.Database;
import com.gymops.adapter.persistence.Persistence;
import com.gymops.application.port.store.ProviderBilling;
import com.gymops.domain.Club;
import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import com.gymops.fakes.FakeSquare;
import com.gymops.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which reminded members get a Square invoice made, how many a run, and what a failure stops. */
class OnDemandInvoicesTest {
  private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
  private static final LocalDate SINCE = LocalDate.parse("2026-02-27");
  private static final Club MAIN =
      new Club(new ClubId("main"), "Main", ZoneId.of("America/New_York"), null, null);

  @TempDir Path directory;
  private Database database;
  private FakeSquare square;
  private ProviderBilling billing;

  @BeforeEach
  void start() {
    database = TestDatabases.embedded(directory);
    square = FakeSquare.start();
    billing = Persistence.providerBilling(database);
    Persistence.stores(database)
        .members()
        .upsertAll(
            List.of(
                aMember().withId("a").withBalance("10.00", SINCE).build(),
                aMember().withId("b").withBalance("20.00", SINCE).build(),
                aMember().withId("c").withBalance("30.00", SINCE).build(),
                aMember().withId("paid-up").build(),
                aMember().withId("elsewhere").inClub("other").withBalance("5.00", SINCE).build()),
            NOW);
    billing.putCustomerIds(
        Map.of(
            new MemberId("a"), "CUST-A",
            new MemberId("b"), "CUST-B",
            new MemberId("c"), "CUST-C",
            new MemberId("paid-up"), "CUST-P",
            new MemberId("elsewhere"), "CUST-E"),
        NOW);
  }

  @AfterEach
  void stop() {
    square.close();
    database.close();
  }

  private OnDemandInvoices invoices(int maxPerRun) {
    return new OnDemandInvoices(
        new SquareInvoices(
            square.baseUrl(),
            FakeSquare.ACCESS_TOKEN,
            "2025-01-23",
            FakeSquare.LOCATION_ID,
            duration -> {}),
        billing,
        Persistence.stores(database).members(),
        maxPerRun);
  }

  private static List<MemberId> ids(String... ids) {
    return Arrays.stream(ids).map(MemberId::new).toList();
  }

  @Test
  void makes_at_most_the_bound_a_run_and_the_rest_in_the_next() {
    assertThat(invoices(2).issue(MAIN, ids("c", "b", "a"), NOW)).isEqualTo(2);
    assertThat(billing.openOf(ids("a", "b", "c"))).containsOnlyKeys(ids("a", "b"));

    assertThat(invoices(2).issue(MAIN, ids("c", "b", "a"), NOW)).isEqualTo(1);
    assertThat(billing.openOf(ids("a", "b", "c"))).containsOnlyKeys(ids("a", "b", "c"));
    assertThat(square.invoicesNow()).hasSize(3);
    var c = billing.openOf(ids("c")).get(new MemberId("c"));
    assertThat(c.amount().cents()).isEqualTo(3_000);
    assertThat(c.since()).isEqualTo(SINCE);
    assertThat(c.payUrl()).isEqualTo("https://squareup.com/pay-invoice/" + c.invoiceId());
  }

  @Test
  void asks_nothing_for_a_member_paid_up_of_another_club_or_with_an_open_invoice() {
    invoices(25).issue(MAIN, ids("a"), NOW);
    int before = square.requests().size();

    assertThat(invoices(25).issue(MAIN, ids("a", "paid-up", "elsewhere", "nobody"), NOW)).isZero();
    assertThat(square.requests()).hasSize(before);
  }

  @Test
  void square_failing_stops_the_run_asking_and_keeps_no_invoice() {
    square.failNext(503, 503, 503);

    assertThat(invoices(25).issue(MAIN, ids("a", "b"), NOW)).isZero();

    assertThat(square.requests()).hasSize(3);
    assertThat(billing.openOf(ids("a", "b"))).isEmpty();
  }

  @Test
  void the_key_is_the_same_for_the_same_delinquency_and_balance_only() {
    var member = aMember().withId("a").withBalance("10.00", SINCE).build();
    assertThat(OnDemandInvoices.key(member))
        .isEqualTo(OnDemandInvoices.key(aMember().withId("a").withBalance("10.00", SINCE).build()))
        .isNotEqualTo(
            OnDemandInvoices.key(aMember().withId("a").withBalance("12.00", SINCE).build()))
        .isNotEqualTo(
            OnDemandInvoices.key(
                aMember().withId("a").withBalance("10.00", SINCE.plusDays(9)).build()))
        .hasSize(43);
  }
}
