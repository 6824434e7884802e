package com.gymops.adapter.door;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.persistence.Persistence;
import com.gymops.adapter.reports.CsvReportWriter;
import com.gymops.application.health.HealthRecorder;
import com.gymops.application.health.HealthRecordingDoorSystem;
import com.gymops.application.payments.PaymentResult;
import com.gymops.application.payments.PaymentService;
import com.gymops.application.run.ActionExecutor;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunReport;
import com.gymops.application.run.RunRequest;
import com.gymops.application.run.WorkflowRunner;
import com.gymops.config.DoorSettings;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.IntegrationHealth;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.Money;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.Payment;
import com.gymops.domain.WorkflowId;
import com.gymops.fakes.FakeBrivo;
import com.gymops.policy.MessageTemplates;
import com.gymops.testing.Runners;
import com.gymops.testing.TestClub;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Brivo as the door of the door-access workflow, end to end through the one {@link WorkflowRunner}
 * on a real database: a past-due member is suspended in Brivo and told, their payment lifts the
 * suspension through the same pipeline, and a member Brivo does not know is left as they were with
 * the manager told. Brivo's five-minute token lapses between the two runs and is renewed.
 */
class ApiDoorRunTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  private static final MemberId ANA = new MemberId("M1");

  @TempDir Path directory;
  private TestClub club;
  private FakeBrivo brivo;
  private WorkflowRunner runner;
  private PaymentService payments;
  private long anaInBrivo;

  @BeforeEach
  void open() {
    club = TestClub.in(directory);
    brivo = FakeBrivo.start(club.clock());
    anaInBrivo = brivo.addUser("ana@example.com", "CH-1");
    DoorSettings.Api settings =
        new DoorSettings.Api(
            "brivo",
            brivo.baseUrl(),
            brivo.tokenUrl(),
            null,
            FakeBrivo.API_KEY,
            FakeBrivo.CLIENT_ID,
            FakeBrivo.CLIENT_SECRET,
            FakeBrivo.USERNAME,
            FakeBrivo.PASSWORD,
            DoorSettings.Match.EMAIL,
            100,
            Duration.ofSeconds(5),
            4);
    BrivoDoorSystem door =
        new BrivoDoorSystem(
            settings,
            Persistence.doorLinks(club.database()),
            club.stores().clubLinks(),
            pause -> club.clock().advance(pause),
            club.clock());
    runner =
        Runners.runner(
            club.config(),
            club.stores(),
            new ActionExecutor(
                club.stores(),
                MessageTemplates.defaults(),
                new HealthRecordingDoorSystem(
                    door,
                    new HealthRecorder(
                        Persistence.integrationHealth(club.database()), club.clock()))),
            Runners.planner(club.stores(), MessageTemplates.defaults()),
            new CsvReportWriter(club.reports()),
            club.clock());
    payments =
        new PaymentService(club.stores().members(), club.stores().payments(), runner, club.clock());
    club.seed(
        aMember()
            .withId("M1")
            .named("Ana", "Lopez")
            .withEmail("ana@example.com")
            .withBalance("30.00", TODAY.minusDays(5))
            .build());
  }

  @AfterEach
  void close() {
    brivo.close();
    club.close();
  }

  private RunReport runAt(int hour) {
    Instant at = TestClub.at(TODAY.atTime(LocalTime.of(hour, 0)));
    club.clock().set(at);
    return runner.run(
        new RunRequest(WorkflowId.DOOR_ACCESS, TestClub.MAIN, RunMode.RULES, false, at));
  }

  private DoorAccess door(MemberId member) {
    return club.stores().members().find(member).orElseThrow().door();
  }

  private List<OutboundMessage> texts(MemberId member) {
    return club.stores().outbox().ofMember(member);
  }

  @Test
  void a_past_due_member_is_suspended_in_brivo_and_their_payment_lets_them_back_in() {
    RunReport lock = runAt(10);

    assertThat(TestClub.outcomes(lock)).containsExactly("done", "done", "done");
    assertThat(brivo.suspended(anaInBrivo)).isTrue();
    assertThat(door(ANA)).isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    assertThat(texts(ANA))
        .extracting(OutboundMessage::templateKey)
        .containsExactly("access_locked");

    Instant paidAt = TestClub.at(TODAY.atTime(LocalTime.of(11, 20)));
    club.clock().set(paidAt);
    PaymentResult paid = payments.receive(new Payment("pay-1", ANA, Money.parse("30.00"), paidAt));

    assertThat(paid.door()).isEqualTo("ACTIVE");
    assertThat(paid.actions()).extracting(PaymentResult.DoorAction::outcome).containsOnly("done");
    assertThat(brivo.suspended(anaInBrivo)).isFalse();
    assertThat(door(ANA)).isEqualTo(DoorAccess.OPEN);
    assertThat(texts(ANA))
        .extracting(OutboundMessage::templateKey)
        .containsExactly("access_locked", "access_restored");
    assertThat(brivo.tokensIssued()).as("the first token had lapsed by the payment").isEqualTo(2);
    assertThat(brivo.requests().stream().filter(r -> r.path().equals("/v1/api/users")))
        .as("Ana was looked up once, her Brivo id kept for the unlock")
        .hasSize(1);

    payments.receive(new Payment("pay-1", ANA, Money.parse("30.00"), paidAt));
    assertThat(texts(ANA)).as("a resent payment changes nothing").hasSize(2);
  }

  @Test
  void a_member_brivo_does_not_know_stays_as_they_were_and_the_manager_is_told() {
    club.seed(
        aMember()
            .withId("M2")
            .named("Bo", "Chen")
            .withEmail("bo@example.com")
            .withBalance("45.00", TODAY.minusDays(6))
            .build());

    RunReport report = runAt(10);

    MemberId bo = new MemberId("M2");
    assertThat(report.actions())
        .filteredOn(action -> action.memberId().equals("M2"))
        .first()
        .satisfies(
            lock ->
                assertThat(lock.outcome())
                    .isEqualTo(
                        "failed: door system: Brivo has no user with the email bo@example.com"
                            + " (Bo Chen (M2)): add the member in Brivo or correct the email in"
                            + " GymOps"));
    assertThat(door(bo)).isEqualTo(DoorAccess.OPEN);
    assertThat(texts(bo)).as("no 'your access is locked' text").isEmpty();
    assertThat(club.stores().outbox().ofRun(report.runId()))
        .filteredOn(message -> message.purpose() == MessagePurpose.MANAGER)
        .singleElement()
        .satisfies(
            alert ->
                assertThat(alert.body())
                    .contains(
                        "Could not lock the door for Bo Chen (M2)",
                        "Brivo has no user with the email bo@example.com"));
    assertThat(door(ANA))
        .as("the member Brivo knows is locked")
        .isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    assertThat(Persistence.integrationHealth(club.database()).all())
        .filteredOn(health -> health.name().equals("door"))
        .singleElement()
        .extracting(IntegrationHealth::lastError)
        .asString()
        .contains("Brivo has no user with the email bo@example.com");
  }
}
