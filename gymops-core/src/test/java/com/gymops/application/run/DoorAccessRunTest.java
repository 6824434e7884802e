package com.gymops.application.run;

import static com.gymops.application.run.ClubPopulation.TODAY;
import static com.gymops.application.run.ClubPopulation.local;
import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.DoorAccessPolicy;
import com.gymops.policy.LockWindow;
import com.gymops.policy.MessageTemplates;
import com.gymops.policy.PastDueMonitoringPolicy;
import com.gymops.testing.TestClub;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoorAccessRunTest {
  @TempDir Path directory;
  private TestClub club;

  @BeforeEach
  void open() {
    club = TestClub.in(directory);
  }

  @AfterEach
  void close() {
    club.close();
  }

  private DoorAccess doorOf(String id) {
    return club.stores().members().find(new MemberId(id)).orElseThrow().door();
  }

  private List<OutboundMessage> messagesOf(String id) {
    return club.stores().outbox().ofMember(new MemberId(id));
  }

  private static Member pastGrace(String id) {
    return aMember().withId(id).withBalance("30.00", TODAY.minusDays(5)).build();
  }

  @Test
  void a_lock_outside_the_sending_window_waits_for_eight() {
    club.seed(pastGrace("M1"));

    RunReport night = club.run(WorkflowId.DOOR_ACCESS, local(TODAY, LocalTime.of(3, 0)));

    assertThat(doorOf("M1")).isEqualTo(DoorAccess.OPEN);
    assertThat(club.stores().doors().count()).isZero();
    assertThat(messagesOf("M1")).isEmpty();
    assertThat(night.skipped()).containsEntry(LockWindow.DEFERRED, 1);

    club.run(WorkflowId.DOOR_ACCESS, local(TODAY, LocalTime.of(8, 0)));

    assertThat(doorOf("M1")).isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    assertThat(messagesOf("M1"))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.templateKey()).isEqualTo(DoorAccessPolicy.LOCKED_TEMPLATE);
              assertThat(message.notBefore()).isEqualTo(local(TODAY, LocalTime.of(8, 0)));
            });
    assertThat(club.stores().notes().ofMember(new MemberId("M1"))).singleElement();
  }

  @Test
  void a_member_locked_by_door_access_gets_no_locked_reminder_in_the_same_hour() {
    Member owing = pastGrace("M1");
    club.seed(owing);
    club.seedAttempt(
        owing.id(),
        local(TODAY.minusDays(4), LocalTime.of(10, 0)),
        AttemptKind.FRIENDLY,
        AttemptOutcome.DELIVERED);

    club.run(WorkflowId.DOOR_ACCESS, local(TODAY, LocalTime.of(10, 0)));
    RunReport pastDue = club.run(WorkflowId.PAST_DUE_MONITORING, local(TODAY, LocalTime.of(10, 0)));

    assertThat(doorOf("M1")).isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    assertThat(messagesOf("M1"))
        .singleElement()
        .satisfies(
            text -> {
              assertThat(text.templateKey()).isEqualTo(MessageTemplates.ACCESS_LOCKED);
              assertThat(text.body()).contains("$30.00", "at the front desk");
            });
    assertThat(pastDue.skipped()).containsEntry(PastDueMonitoringPolicy.LOCK_TEXT_SENT, 1);

    club.run(WorkflowId.PAST_DUE_MONITORING, local(TODAY.plusDays(3), LocalTime.of(10, 0)));

    assertThat(messagesOf("M1"))
        .extracting(OutboundMessage::templateKey)
        .containsExactly(MessageTemplates.ACCESS_LOCKED, MessageTemplates.REMINDER_LOCKED);
  }

  @Test
  void a_lock_text_supersedes_the_reminder_past_due_monitoring_queued_earlier_in_the_hour() {
    Member owing = pastGrace("M1");
    club.seed(owing);
    club.seedAttempt(
        owing.id(),
        local(TODAY.minusDays(4), LocalTime.of(10, 0)),
        AttemptKind.FRIENDLY,
        AttemptOutcome.DELIVERED);

    club.run(WorkflowId.PAST_DUE_MONITORING, local(TODAY, LocalTime.of(10, 0)));
    OutboundMessage reminder = messagesOf("M1").get(0);
    assertThat(reminder.templateKey()).startsWith("reminder_");
    RunReport door = club.run(WorkflowId.DOOR_ACCESS, local(TODAY, LocalTime.of(10, 0)));
    club.dispatcher().dispatch(local(TODAY, LocalTime.of(10, 5)));

    assertThat(doorOf("M1")).isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    OutboundMessage superseded = club.stores().outbox().find(reminder.id()).orElseThrow();
    assertThat(superseded.status()).isEqualTo(MessageStatus.SUPPRESSED);
    assertThat(superseded.error()).isEqualTo("superseded by the lock text");
    // one text to the member: the lock text, which names the amount and how to pay
    assertThat(club.sms().received())
        .extracting(OutboundMessage::templateKey)
        .containsExactly(MessageTemplates.ACCESS_LOCKED);
    assertThat(
            club.strings(
                "SELECT outcome FROM collection_attempt WHERE idempotency_key = '"
                    + EffectKeys.attempt(reminder.idempotencyKey())
                    + "'"))
        .containsExactly(AttemptOutcome.SUPPRESSED.name());
    assertThat(door.actions())
        .filteredOn(
            a ->
                a.message() != null
                    && a.message().templateKey().equals(MessageTemplates.ACCESS_LOCKED))
        .singleElement()
        .satisfies(
            lockText ->
                assertThat(lockText.executed().message())
                    .isEqualTo("queued by sms; superseded 1 queued reminder"));
  }

  @Test
  void an_unlock_happens_at_three_in_the_night_and_the_member_is_told_at_eight() {
    club.seed(aMember().withId("M1").withDoor(DoorAccess.LOCKED_FOR_PAYMENT).build());

    club.run(WorkflowId.DOOR_ACCESS, local(TODAY, LocalTime.of(3, 0)));

    assertThat(doorOf("M1")).isEqualTo(DoorAccess.OPEN);
    assertThat(messagesOf("M1"))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.templateKey()).isEqualTo(DoorAccessPolicy.RESTORED_TEMPLATE);
              assertThat(message.notBefore()).isEqualTo(local(TODAY, LocalTime.of(8, 0)));
            });
  }

  @Test
  void a_lock_by_past_due_monitoring_sends_the_access_locked_text_once_whichever_workflow_runs() {
    Member owing = aMember().withId("M1").withBalance("150.00", TODAY.minusDays(40)).build();
    club.seed(owing);
    for (int day = 0; day < 4; day++) {
      club.seedAttempt(
          owing.id(),
          local(TODAY.minusDays(30).plusDays(day * 5L), LocalTime.of(10, 0)),
          AttemptKind.FRIENDLY,
          AttemptOutcome.DELIVERED);
    }

    club.run(WorkflowId.PAST_DUE_MONITORING, local(TODAY, LocalTime.of(10, 0)));
    assertThat(doorOf("M1")).isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    // Staff let the member in by hand; the next runs must neither lock again nor re-announce it.
    club.seed(aMember().withId("M1").withBalance("150.00", TODAY.minusDays(40)).build());
    club.run(WorkflowId.DOOR_ACCESS, local(TODAY, LocalTime.of(11, 0)));
    club.run(WorkflowId.PAST_DUE_MONITORING, local(TODAY, LocalTime.of(12, 0)));

    assertThat(messagesOf("M1"))
        .singleElement()
        .satisfies(
            text -> {
              assertThat(text.templateKey()).isEqualTo(MessageTemplates.ACCESS_LOCKED);
              assertThat(text.body()).contains("your door access is paused", "$150.00");
            });
    assertThat(doorOf("M1")).isEqualTo(DoorAccess.OPEN);
  }

  @Test
  void a_door_locked_for_another_reason_is_never_unlocked() {
    club.seed(
        aMember().withId("M1").withDoor(DoorAccess.LOCKED_OTHER).build(),
        aMember()
            .withId("M2")
            .withDoor(DoorAccess.LOCKED_OTHER)
            .withBalance("30.00", TODAY.minusDays(5))
            .build());

    for (int hour : List.of(3, 10, 15)) {
      RunReport report = club.run(WorkflowId.DOOR_ACCESS, local(TODAY, LocalTime.of(hour, 0)));
      assertThat(report.actions()).isEmpty();
    }

    assertThat(doorOf("M1")).isEqualTo(DoorAccess.LOCKED_OTHER);
    assertThat(doorOf("M2")).isEqualTo(DoorAccess.LOCKED_OTHER);
    assertThat(club.stores().doors().count()).isZero();
  }

  @Test
  void the_breaker_locks_none_of_eleven_and_asks_the_manager_once_a_day() {
    for (int i = 1; i <= 11; i++) {
      club.seed(pastGrace(String.format("M%02d", i)));
    }

    RunReport first = club.run(WorkflowId.DOOR_ACCESS, local(TODAY, LocalTime.of(9, 0)));
    RunReport second = club.run(WorkflowId.DOOR_ACCESS, local(TODAY, LocalTime.of(10, 0)));

    assertThat(club.stores().doors().count()).isZero();
    assertThat(first.skipped()).containsEntry(DoorAccessPolicy.WITHHELD, 11);
    assertThat(TestClub.outcomes(first)).containsExactly("done");
    assertThat(TestClub.outcomes(second)).containsExactly("already done");
    assertThat(club.count("SELECT COUNT(*) FROM outbound_message WHERE purpose = 'MANAGER'"))
        .isOne();
    assertThat(club.count("SELECT COUNT(*) FROM outbound_message WHERE purpose <> 'MANAGER'"))
        .isZero();
    OutboundMessage toManager =
        club.stores().outbox().ofRun(first.runId()).stream()
            .filter(m -> m.purpose() == MessagePurpose.MANAGER)
            .findFirst()
            .orElseThrow();
    assertThat(toManager.recipient()).isEqualTo(TestClub.MANAGER_PHONE);
    assertThat(toManager.body()).contains("would lock 11 members");
  }

  @Test
  void a_door_that_staff_reopened_by_hand_is_not_relocked_and_the_member_is_not_told_again() {
    club.seed(pastGrace("M1"));
    club.run(WorkflowId.DOOR_ACCESS, local(TODAY, LocalTime.of(9, 0)));
    assertThat(doorOf("M1")).isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    long notes = club.stores().notes().count();

    club.stores().members().setDoor(new MemberId("M1"), DoorAccess.OPEN, club.clock().instant());
    club.run(WorkflowId.DOOR_ACCESS, local(TODAY, LocalTime.of(10, 0)));
    club.run(WorkflowId.DOOR_ACCESS, local(TODAY, LocalTime.of(11, 0)));

    assertThat(doorOf("M1")).isEqualTo(DoorAccess.OPEN);
    assertThat(messagesOf("M1")).hasSize(1);
    assertThat(club.stores().notes().count()).isEqualTo(notes);
  }
}
