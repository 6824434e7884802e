package com.gymops.app;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.adapter.clubsystem.ClubSystemSimulator;
import com.gymops.adapter.config.ConfigLoader;
import com.gymops.application.port.ClubSystemException;
import com.gymops.application.sync.ClubSync;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import java.nio.file.Path;
import java.time.Clock;
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

/** The {@code http} club system, wired by the composition root, against the simulator on SQLite. */
class ClubSyncTest {
  private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
  private static final Instant T1 = Instant.parse("2026-03-10T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-03-10T14:00:00Z");

  @TempDir Path directory;

  private ClubSystemSimulator simulator;
  private GymOpsApp app;

  @BeforeEach
  void start() {
    simulator = ClubSystemSimulator.start("club-token");
    GymOpsConfig config =
        ConfigLoader.parse(
            "clubs: [{id: main, timezone: America/New_York}]\n"
                + "club_system: {system: http, http: {base_url: '"
                + simulator.baseUrl()
                + "', page_size: 2}}\n",
            Map.of("GYMOPS_CLUB_SYSTEM_TOKEN", "club-token"),
            ZoneId.of("UTC"));
    app = GymOpsApp.open(config, directory, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    app.close();
    simulator.close();
  }

  private Member member(String id) {
    return app.stores().members().find(new MemberId(id)).orElseThrow();
  }

  @Test
  void pulls_every_page_then_only_what_changed_and_keeps_gymops_own_fields() {
    // GymOps locked M2 and M2 replied STOP: neither is the club system's to undo.
    app.stores()
        .members()
        .upsertAll(
            List.of(
                aMember()
                    .withId("M2")
                    .withPhone("+14155550002")
                    .withBalance("80.00", LocalDate.of(2026, 1, 20))
                    .withDoor(DoorAccess.LOCKED_FOR_PAYMENT)
                    .optedOut()
                    .build()),
            NOW);
    simulator
        .put("M1", "main", "+14155550001", "0.00", null, T1)
        .put("M2", "main", "+14155550002", "80.00", "2026-01-20", T1)
        .put("M3", "main", null, "25.00", "2026-02-01", T1);

    ClubSync.Result first = app.clubSync().pull();

    assertThat(first.merged()).isEqualTo(3);
    assertThat(first.problems()).isEmpty();
    assertThat(first.watermark()).isEqualTo(T1);
    assertThat(simulator.queries()).hasSize(2);
    assertThat(member("M1").firstName()).isEqualTo("FirstM1");
    assertThat(member("M3").pastDue()).isEqualTo(Money.parse("25.00"));
    assertThat(member("M2").door()).isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    assertThat(member("M2").smsOptedOut()).isTrue();

    // M2 paid at the front desk: the club system clears the balance.
    simulator.put("M2", "main", "+14155550002", "0.00", null, T2);
    ClubSync.Result second = app.clubSync().pull();

    assertThat(simulator.queries().get(2)).containsEntry("updated_since", T1.toString());
    // Inclusive: the members changed at the watermark's instant come again, harmlessly.
    assertThat(second.merged()).isEqualTo(3);
    assertThat(second.watermark()).isEqualTo(T2);
    assertThat(app.clubSync().pull().merged()).isEqualTo(1);
    Member paid = member("M2");
    assertThat(paid.pastDue()).isEqualTo(Money.ZERO);
    assertThat(paid.pastDueSince()).isNull();
    assertThat(paid.door()).isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    assertThat(paid.smsOptedOut()).isTrue();
  }

  @Test
  void a_hold_date_and_a_pay_link_come_with_the_member_and_bad_ones_skip_the_record() {
    simulator
        .put("M1", "main", "+14155550001", "80.00", "2026-01-20", T1)
        .with("M1", "collections_hold_until", "2026-12-15")
        .with("M1", "pay_link", "https://pay.main.example/M1")
        .put("M2", "main", "+14155550002", "0.00", null, T1)
        .with("M2", "collections_hold_until", "next week")
        .put("M3", "main", "+14155550003", "0.00", null, T1)
        .with("M3", "pay_link", "https://bit.ly/x");

    ClubSync.Result result = app.clubSync().pull();

    assertThat(result.merged()).isEqualTo(1);
    assertThat(result.problems())
        .anySatisfy(p -> assertThat(p).startsWith("M2: collections_hold_until 'next week'"))
        .anySatisfy(p -> assertThat(p).startsWith("M3: pay_link: bit.ly is a public link"));
    assertThat(app.stores().holds().of(new MemberId("M1")).orElseThrow().until())
        .isEqualTo(java.time.LocalDate.of(2026, 12, 15));
    assertThat(app.stores().payLinks().of(new MemberId("M1")))
        .contains("https://pay.main.example/M1");
    assertThat(app.stores().members().find(new MemberId("M2"))).isEmpty();
  }

  @Test
  void a_payment_customer_id_comes_with_the_member_and_a_bad_one_skips_the_record() {
    simulator
        .put("M1", "main", "+14155550001", "0.00", null, T1)
        .with("M1", "payment_customer_id", "cus_NffrFeUfNV2Hib")
        .put("M2", "main", "+14155550002", "0.00", null, T1)
        .with("M2", "payment_customer_id", "cus_x'; DROP TABLE member; --");

    ClubSync.Result result = app.clubSync().pull();

    assertThat(result.merged()).isEqualTo(1);
    assertThat(result.problems())
        .singleElement()
        .satisfies(p -> assertThat(p).startsWith("M2: payment_customer_id: payment customer id"));
    var billing = com.gymops.adapter.persistence.Persistence.providerBilling(app.database());
    assertThat(billing.memberOfCustomer("cus_NffrFeUfNV2Hib")).contains(new MemberId("M1"));
  }

  @Test
  void a_bad_record_is_skipped_and_reported_and_the_rest_merged() {
    simulator
        .put("M1", "main", "+14155550001", "0.00", null, T1)
        .put("M2", "elsewhere", "+14155550002", "0.00", null, T1)
        .put("M3", "main", "0415 555 0003", "0.00", null, T1);

    ClubSync.Result result = app.clubSync().pull();

    assertThat(result.merged()).isEqualTo(1);
    assertThat(result.problems())
        .hasSize(2)
        .anySatisfy(problem -> assertThat(problem).startsWith("M2: club 'elsewhere'"))
        .anySatisfy(problem -> assertThat(problem).startsWith("M3: phone"));
    assertThat(app.stores().members().count()).isEqualTo(1);
  }

  @Test
  void the_sync_refuses_what_the_import_refuses_an_email_with_a_line_break_and_a_long_id() {
    String longId = "M" + "9".repeat(299);
    simulator
        .put("M1", "main", "+14155550001", "0.00", null, T1)
        .put("M2", "main", "+14155550002", "0.00", null, T1)
        .with("M2", "email", "m2@example.com\r\nBcc: all@example.com")
        .put(longId, "main", "+14155550003", "0.00", null, T1)
        .put("q/../../clubs", "main", "+14155550004", "0.00", null, T1);

    ClubSync.Result result = app.clubSync().pull();

    assertThat(result.merged()).isEqualTo(1);
    assertThat(result.problems())
        .hasSize(3)
        .anySatisfy(problem -> assertThat(problem).startsWith("M2: ").contains("email address"))
        .anySatisfy(problem -> assertThat(problem).contains("300 characters long"))
        .anySatisfy(problem -> assertThat(problem).contains("may hold only letters"));
    assertThat(app.stores().members().count()).isEqualTo(1);
  }

  @Test
  void a_failed_pull_keeps_the_watermark_and_the_next_one_repeats_it() {
    simulator.put("M1", "main", "+14155550001", "0.00", null, T1);
    app.clubSync().pull();
    simulator.put("M1", "main", "+14155550001", "10.00", "2026-03-01", T2).failWith(500);

    assertThatThrownBy(() -> app.clubSync().pull()).isInstanceOf(ClubSystemException.class);
    assertThat(member("M1").pastDue()).isEqualTo(Money.ZERO);

    simulator.failWith(0);
    ClubSync.Result retried = app.clubSync().pull();
    assertThat(simulator.queries().get(simulator.queries().size() - 1))
        .containsEntry("updated_since", T1.toString());
    assertThat(retried.merged()).isEqualTo(1);
    assertThat(member("M1").pastDue()).isEqualTo(Money.parse("10.00"));
  }
}
