package com.gymops.application.run;

import static com.gymops.application.run.ClubPopulation.TODAY;
import static com.gymops.application.run.ClubPopulation.local;
import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.application.port.DoorSystem;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.Action;
import com.gymops.policy.DoorAccessPolicy;
import com.gymops.policy.Effect;
import com.gymops.policy.MessageTemplates;
import com.gymops.testing.TestClub;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The door step: what asking the door system comes to, typed, and what each answer leads to. */
class DoorStepTest {
  @TempDir Path directory;
  private TestClub club;
  private RunContext context;
  private Member member;

  /** A door system that answers as told and counts the changes it was asked for. */
  private static final class ScriptedDoorSystem implements DoorSystem {
    private final List<DoorAccess> asked = new ArrayList<>();
    private Result answer = Result.applied();
    private RuntimeException thrown;

    @Override
    public Result change(Member member, DoorAccess target) {
      asked.add(target);
      if (thrown != null) {
        throw thrown;
      }
      return answer;
    }
  }

  private final ScriptedDoorSystem doorSystem = new ScriptedDoorSystem();

  @BeforeEach
  void open() {
    club = TestClub.in(directory);
    context =
        RunContext.of(
            "run-door",
            WorkflowId.DOOR_ACCESS,
            club.config().clubs().get(0).club(),
            club.config().clubs().get(0).policy(),
            local(TODAY, LocalTime.of(11, 0)));
    member = aMember().withId("D1").withBalance("90.00", TODAY.minusDays(20)).build();
    club.seed(member);
  }

  @AfterEach
  void close() {
    club.close();
  }

  private DoorCalls calls() {
    return new DoorCalls(club.stores().doors(), doorSystem);
  }

  private ActionExecutor executor() {
    return new ActionExecutor(club.stores(), MessageTemplates.defaults(), doorSystem);
  }

  private ActionExecutor.Planned lock() {
    return new ActionExecutor.Planned(
        new Action(member.id(), new Effect.LockDoor(), DoorAccessPolicy.RULE_LOCK, Map.of()),
        member);
  }

  private List<OutboundMessage> managerTexts() {
    return club.stores().outbox().ofRun(context.runId()).stream()
        .filter(message -> message.purpose() == MessagePurpose.MANAGER)
        .toList();
  }

  @Test
  void a_change_the_door_system_did_is_confirmed_and_nothing_is_recorded_yet() {
    DoorAnswer answer = calls().ask(member, DoorAccess.LOCKED_FOR_PAYMENT, "door:lock:D1");

    assertThat(answer).isEqualTo(DoorAnswer.confirmed());
    assertThat(answer.settled()).isEmpty();
    assertThat(doorSystem.asked).containsExactly(DoorAccess.LOCKED_FOR_PAYMENT);
    assertThat(club.stores().doors().isRecorded("door:lock:D1")).isFalse();
  }

  @Test
  void a_change_the_door_system_did_not_do_is_refused_with_its_reason() {
    doorSystem.answer = DoorSystem.Result.failed("HTTP 403: member unknown");

    DoorAnswer answer = calls().ask(member, DoorAccess.LOCKED_FOR_PAYMENT, "door:lock:D1");

    assertThat(answer).isEqualTo(DoorAnswer.refused("HTTP 403: member unknown"));
    assertThat(answer.settled()).contains(Outcome.failed("door system: HTTP 403: member unknown"));
  }

  @Test
  void a_call_that_throws_has_an_unknown_answer() {
    doorSystem.thrown = new IllegalStateException("connection reset");

    DoorAnswer answer = calls().ask(member, DoorAccess.OPEN, "unlock:D1");

    assertThat(answer).isEqualTo(DoorAnswer.unknown("connection reset"));
    assertThat(answer.settled()).contains(Outcome.failed("connection reset"));
  }

  @Test
  void a_change_already_recorded_is_not_asked_again() {
    club.stores()
        .doors()
        .change(member.id(), DoorAccess.LOCKED_FOR_PAYMENT, context.now(), "run-0", "door:lock:D1");

    DoorAnswer answer = calls().ask(member, DoorAccess.LOCKED_FOR_PAYMENT, "door:lock:D1");

    assertThat(answer).isEqualTo(DoorAnswer.alreadyRecorded());
    assertThat(answer.settled()).contains(Outcome.alreadyDone());
    assertThat(doorSystem.asked).isEmpty();
  }

  @Test
  void an_answer_carries_an_error_exactly_when_the_change_was_not_done() {
    assertThatThrownBy(() -> new DoorAnswer(DoorAnswer.Kind.REFUSED, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DoorAnswer(DoorAnswer.Kind.CONFIRMED, "oops"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_confirmed_lock_is_left_to_record_with_its_companions_and_then_recorded_once() {
    ActionExecutor executor = executor();
    List<Outcome> audited = new ArrayList<>();

    Optional<Outcome> asked =
        executor.askDoor(lock(), context, (from, done) -> audited.addAll(done));

    assertThat(asked).isEmpty();
    assertThat(audited).isEmpty();
    assertThat(club.stores().members().find(member.id()).orElseThrow().door())
        .isEqualTo(DoorAccess.OPEN);
    List<Outcome> recorded =
        executor.executeUnits(
            List.of(List.of(new ActionExecutor.Planned(lock().action(), member, true))),
            context,
            ActionExecutor.Audit.NONE);
    assertThat(recorded).containsExactly(Outcome.done(DoorAccess.LOCKED_FOR_PAYMENT.code()));
    assertThat(club.stores().members().find(member.id()).orElseThrow().door())
        .isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    assertThat(executor.askDoor(lock(), context, ActionExecutor.Audit.NONE))
        .contains(Outcome.alreadyDone());
    assertThat(doorSystem.asked).hasSize(1);
  }

  @Test
  void a_refused_lock_fails_changes_nothing_and_alerts_the_manager_once_an_hour() {
    doorSystem.answer = DoorSystem.Result.failed("HTTP 503");
    ActionExecutor executor = executor();
    List<Outcome> audited = new ArrayList<>();

    Optional<Outcome> asked =
        executor.askDoor(lock(), context, (from, done) -> audited.addAll(done));
    executor.askDoor(lock(), context, ActionExecutor.Audit.NONE);

    assertThat(asked).contains(Outcome.failed("door system: HTTP 503"));
    assertThat(audited).containsExactly(Outcome.failed("door system: HTTP 503"));
    assertThat(club.stores().members().find(member.id()).orElseThrow().door())
        .isEqualTo(DoorAccess.OPEN);
    assertThat(managerTexts())
        .singleElement()
        .satisfies(
            alert ->
                assertThat(alert.body())
                    .contains("Could not lock the door for", "(D1)", "HTTP 503"));
  }

  @Test
  void a_lock_whose_call_threw_fails_without_a_record_or_an_alert() {
    doorSystem.thrown = new IllegalStateException("connection reset");

    Outcome outcome =
        executor().execute(lock().action(), member, context, null, ActionExecutor.Audit.NONE);

    assertThat(outcome).isEqualTo(Outcome.failed("connection reset"));
    assertThat(club.stores().doors().isRecorded(EffectKeys.of(lock().action(), member, context)))
        .isFalse();
    assertThat(managerTexts()).isEmpty();
  }

  @Test
  void a_door_change_alone_is_asked_then_recorded_with_its_event() {
    List<Outcome> audited = new ArrayList<>();

    Outcome outcome =
        executor()
            .execute(lock().action(), member, context, null, (from, done) -> audited.addAll(done));

    assertThat(outcome).isEqualTo(Outcome.done(DoorAccess.LOCKED_FOR_PAYMENT.code()));
    assertThat(audited).containsExactly(outcome);
    assertThat(doorSystem.asked).containsExactly(DoorAccess.LOCKED_FOR_PAYMENT);
  }
}
