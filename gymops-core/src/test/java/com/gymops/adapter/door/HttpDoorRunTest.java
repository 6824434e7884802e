package com.gymops.adapter.door;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.reports.CsvReportWriter;
import com.gymops.application.payments.PaymentResult;
import com.gymops.application.payments.PaymentService;
import com.gymops.application.run.ActionExecutor;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunReport;
import com.gymops.application.run.RunRequest;
import com.gymops.application.run.WorkflowRunner;
import com.gymops.config.DoorSettings;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.Money;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.Payment;
import com.gymops.domain.RunEvent;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.MessageTemplates;
import com.gymops.testing.Runners;
import com.gymops.testing.TestClub;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The door-access workflow driving a door system's API: GymOps records only what it did. A
 * payment's unlock goes through the same pipeline, so the door-failure guard holds for it too: a
 * member who just paid is never told the door is open when it is not.
 */
class HttpDoorRunTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  private static final MemberId ANA = new MemberId("M1");

  @TempDir Path directory;
  private TestClub club;
  private FakeDoorApi api;
  private WorkflowRunner runner;
  private PaymentService payments;

  @BeforeEach
  void open() {
    club = TestClub.in(directory);
    api = FakeDoorApi.start();
    DoorSettings.Http kisi =
        new DoorSettings.Http(
            new DoorSettings.Call(
                "PATCH",
                api.baseUrl() + "/users/{external_id}",
                "{\"user\": {\"access_enabled\": false}}"),
            new DoorSettings.Call(
                "PATCH",
                api.baseUrl() + "/users/{external_id}",
                "{\"user\": {\"access_enabled\": true}}"),
            Map.of(),
            "door-token",
            10,
            2);
    runner =
        Runners.runner(
            club.config(),
            club.stores(),
            new ActionExecutor(
                club.stores(),
                MessageTemplates.defaults(),
                new HttpDoorSystem(kisi, pause -> club.clock().advance(pause))),
            Runners.planner(club.stores(), MessageTemplates.defaults()),
            new CsvReportWriter(club.reports()),
            club.clock());
    payments =
        new PaymentService(club.stores().members(), club.stores().payments(), runner, club.clock());
    club.seed(aMember().withId("M1").withBalance("30.00", TODAY.minusDays(5)).build());
  }

  @AfterEach
  void close() {
    api.close();
    club.close();
  }

  private static Instant at(int hour, int minute) {
    return TestClub.at(LocalDateTime.of(TODAY, LocalTime.of(hour, minute)));
  }

  private PaymentResult pay(Instant at) {
    club.seed(
        aMember()
            .withId("M1")
            .withBalance("30.00", TODAY.minusDays(20))
            .withDoor(DoorAccess.LOCKED_FOR_PAYMENT)
            .build());
    club.clock().set(at);
    return payments.receive(new Payment("pay-1", ANA, Money.parse("30.00"), at));
  }

  private List<OutboundMessage> memberMessages() {
    return club.stores().outbox().ofMember(ANA);
  }

  private List<String> notes() {
    return club.stores().notes().ofMember(ANA).stream().map(note -> note.text()).toList();
  }

  @Test
  void a_payment_whose_unlock_fails_tells_the_member_nothing_and_the_manager_everything() {
    api.answer(500, 500);

    PaymentResult result = pay(at(10, 37));

    assertThat(result.status()).isEqualTo(PaymentResult.Status.RECORDED);
    assertThat(result.balanceAfter()).isEqualTo(Money.parse("0.00"));
    assertThat(result.door()).isEqualTo("LOCKED_PAYMENT");
    assertThat(result.actions())
        .extracting(PaymentResult.DoorAction::outcome)
        .satisfiesExactly(
            unlock -> assertThat(unlock).startsWith("failed: door system"),
            text -> assertThat(text).startsWith("failed: not done"),
            note -> assertThat(note).startsWith("failed: not done"));
    assertThat(club.stores().members().find(ANA).orElseThrow().door())
        .isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    assertThat(memberMessages()).as("no 'access restored' text").isEmpty();
    assertThat(notes()).noneMatch(text -> text.toLowerCase().contains("restored"));
    assertThat(club.stores().outbox().ofRun(result.doorRun()))
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.purpose()).isEqualTo(MessagePurpose.MANAGER);
              assertThat(alert.body()).contains("Could not unlock the door for", "(M1)");
            });
    assertThat(club.stores().runs().find(result.doorRun()).orElseThrow().workflow())
        .isEqualTo(WorkflowId.DOOR_ACCESS);
    assertThat(club.stores().runs().events(result.doorRun()))
        .extracting(RunEvent::rule)
        .containsOnly("door.unlock");
  }

  @Test
  void the_next_door_access_run_completes_an_unlock_the_door_system_refused() {
    api.answer(500, 500);
    pay(at(10, 37));

    club.clock().set(at(11, 0));
    RunReport next =
        runner.run(
            new RunRequest(WorkflowId.DOOR_ACCESS, TestClub.MAIN, RunMode.RULES, false, at(11, 0)));

    assertThat(TestClub.outcomes(next)).containsExactly("done", "done", "done");
    assertThat(club.stores().members().find(ANA).orElseThrow().door()).isEqualTo(DoorAccess.OPEN);
    assertThat(memberMessages())
        .singleElement()
        .satisfies(text -> assertThat(text.templateKey()).isEqualTo("access_restored"));
    assertThat(notes()).containsExactly("Access restored - Payment received");
  }

  @Test
  void a_payment_whose_unlock_succeeds_opens_the_door_texts_and_notes_once() {
    PaymentResult result = pay(at(10, 37));

    assertThat(result.door()).isEqualTo("ACTIVE");
    assertThat(result.actions()).extracting(PaymentResult.DoorAction::outcome).containsOnly("done");
    assertThat(api.requests()).hasSize(1);

    club.clock().set(at(10, 50));
    RunReport sameHour =
        runner.run(
            new RunRequest(
                WorkflowId.DOOR_ACCESS, TestClub.MAIN, RunMode.RULES, false, at(10, 50)));
    assertThat(sameHour.actions()).isEmpty();
    assertThat(memberMessages()).hasSize(1);
    assertThat(api.requests()).hasSize(1);
  }

  private RunReport runAt(int hour) {
    Instant at = TestClub.at(TODAY.atTime(LocalTime.of(hour, 0)));
    club.clock().set(at);
    return runner.run(
        new RunRequest(WorkflowId.DOOR_ACCESS, TestClub.MAIN, RunMode.RULES, false, at));
  }

  private DoorAccess door() {
    return club.stores().members().find(ANA).orElseThrow().door();
  }

  @Test
  void a_lock_the_door_system_carried_out_is_recorded_with_its_message_and_note() {
    RunReport report = runAt(10);

    assertThat(TestClub.outcomes(report)).containsExactly("done", "done", "done");
    assertThat(door()).isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    assertThat(api.requests()).hasSize(1);

    runAt(11);
    assertThat(api.requests()).as("a rerun does not call the door system again").hasSize(1);
  }

  @Test
  void a_failed_lock_changes_nothing_tells_nobody_it_happened_and_tells_the_manager() {
    api.answer(500, 500);

    RunReport report = runAt(10);

    assertThat(report.actions().get(0).outcome())
        .startsWith("failed: door system: PATCH /users/M1 answered HTTP 500");
    assertThat(TestClub.outcomes(report).subList(1, 3))
        .allMatch(outcome -> outcome.startsWith("failed: not done"));
    assertThat(door()).isEqualTo(DoorAccess.OPEN);
    assertThat(club.stores().doors().count()).isZero();
    assertThat(club.stores().notes().ofMember(ANA)).isEmpty();
    List<OutboundMessage> queued = club.stores().outbox().ofRun(report.runId());
    assertThat(queued)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.purpose()).isEqualTo(MessagePurpose.MANAGER);
              assertThat(alert.body()).contains("Could not lock the door for", "(M1)");
            });

    RunReport next = runAt(11);
    assertThat(TestClub.outcomes(next)).containsExactly("done", "done", "done");
    assertThat(door()).isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
  }

  @Test
  void a_failed_unlock_keeps_the_member_locked_in_gymops_until_the_door_system_confirms() {
    runAt(10);
    club.seed(aMember().withId("M1").withDoor(DoorAccess.LOCKED_FOR_PAYMENT).build());
    api.answer(503, 503);

    RunReport failed = runAt(12);

    assertThat(failed.actions().get(0).outcome()).startsWith("failed: door system");
    assertThat(door()).isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    assertThat(club.clock().instant())
        .as("the retry pause went through the sleeper, not a real wait")
        .isEqualTo(TestClub.at(TODAY.atTime(LocalTime.of(12, 0))).plus(Duration.ofSeconds(1)));

    runAt(13);
    assertThat(door()).isEqualTo(DoorAccess.OPEN);
  }
}
