package com.gymops.application.messaging;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.application.port.SendResult;
import com.gymops.application.run.ManagerMessages;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.Money;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.Payment;
import com.gymops.domain.Referral;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.MessageTemplates;
import com.gymops.testing.TestClub;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DispatcherTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  private static final MemberId MEMBER = new MemberId("M1");

  @TempDir Path directory;
  private TestClub club;

  @BeforeEach
  void open() {
    club = TestClub.in(directory);
    club.seed(aMember().withId("M1").withBalance("30.00", TODAY.minusDays(5)).build());
  }

  @AfterEach
  void close() {
    club.close();
  }

  private static Instant local(LocalDate date, int hour, int minute) {
    return TestClub.at(date.atTime(LocalTime.of(hour, minute)));
  }

  /** Queues a reminder for M1 at 10:00, due at once. */
  private OutboundMessage queueReminderAtTen() {
    club.run(WorkflowId.PAST_DUE_MONITORING, local(TODAY, 10, 0));
    return club.stores().outbox().ofMember(MEMBER).get(0);
  }

  private OutboundMessage reload(OutboundMessage message) {
    return club.stores().outbox().find(message.id()).orElseThrow();
  }

  private AttemptOutcome attemptOutcome() {
    return club.stores().attempts().ofMember(MEMBER).stream()
        .map(CollectionAttempt::outcome)
        .reduce((first, second) -> second)
        .orElseThrow();
  }

  @Test
  void a_due_message_inside_the_window_is_sent_once() {
    OutboundMessage reminder = queueReminderAtTen();

    DispatchResult first = club.dispatcher().dispatch(local(TODAY, 10, 5));
    DispatchResult second = club.dispatcher().dispatch(local(TODAY, 10, 6));

    assertThat(first).isEqualTo(new DispatchResult(1, 0, 0, 0, 0));
    assertThat(second).isEqualTo(new DispatchResult(0, 0, 0, 0, 0));
    assertThat(club.sms().received())
        .singleElement()
        .satisfies(sent -> assertThat(sent.id()).isEqualTo(reminder.id()));
    assertThat(reload(reminder).status()).isEqualTo(MessageStatus.SENT);
    assertThat(reload(reminder).sentAt()).isEqualTo(local(TODAY, 10, 5));
    assertThat(attemptOutcome()).isEqualTo(AttemptOutcome.SENT);
  }

  @Test
  void a_due_message_outside_the_window_waits_for_the_next_opening() {
    OutboundMessage reminder = queueReminderAtTen();

    DispatchResult result = club.dispatcher().dispatch(local(TODAY, 21, 0));

    assertThat(result).isEqualTo(new DispatchResult(0, 1, 0, 0, 0));
    assertThat(club.sms().received()).isEmpty();
    assertThat(reload(reminder).status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(reload(reminder).notBefore()).isEqualTo(local(TODAY.plusDays(1), 8, 0));

    assertThat(club.dispatcher().dispatch(local(TODAY.plusDays(1), 7, 59)).sent()).isZero();
    assertThat(club.dispatcher().dispatch(local(TODAY.plusDays(1), 8, 0)).sent()).isOne();
  }

  @Test
  void a_member_who_opted_out_after_queueing_is_not_texted_and_the_reminder_failed() {
    OutboundMessage reminder = queueReminderAtTen();
    club.stores().members().setSmsOptedOut(MEMBER, true, local(TODAY, 10, 1));

    DispatchResult result = club.dispatcher().dispatch(local(TODAY, 10, 5));

    assertThat(result).isEqualTo(new DispatchResult(0, 0, 0, 1, 0));
    assertThat(club.sms().received()).isEmpty();
    assertThat(reload(reminder).status()).isEqualTo(MessageStatus.SUPPRESSED);
    assertThat(reload(reminder).error()).contains("STOP");
    assertThat(attemptOutcome()).isEqualTo(AttemptOutcome.FAILED);
  }

  @Test
  void a_reminder_queued_before_the_member_paid_up_is_dropped_at_send_time() {
    OutboundMessage reminder = queueReminderAtTen();
    club.stores()
        .payments()
        .apply(
            new Payment("pay-1", MEMBER, Money.parse("30.00"), local(TODAY, 10, 1)),
            local(TODAY, 10, 1));

    DispatchResult result = club.dispatcher().dispatch(local(TODAY, 10, 5));

    assertThat(result).isEqualTo(new DispatchResult(0, 0, 0, 1, 0));
    assertThat(club.sms().received()).isEmpty();
    assertThat(reload(reminder).status()).isEqualTo(MessageStatus.SUPPRESSED);
    assertThat(reload(reminder).error()).isEqualTo("member no longer owes anything");
    // Nothing failed to reach the member: escalation must not count it as a failed reminder.
    assertThat(attemptOutcome()).isEqualTo(AttemptOutcome.SUPPRESSED);
  }

  @Test
  void a_reminder_of_a_thousand_dollars_or_more_quotes_it_with_a_separator_and_leaves() {
    club.seed(aMember().withId("M2").withBalance("1500.00", TODAY.minusDays(5)).build());
    club.run(WorkflowId.PAST_DUE_MONITORING, local(TODAY, 10, 0));
    OutboundMessage reminder = club.stores().outbox().ofMember(new MemberId("M2")).get(0);

    club.dispatcher().dispatch(local(TODAY, 10, 5));

    assertThat(reminder.body()).contains("$1,500.00");
    assertThat(reload(reminder).status()).isEqualTo(MessageStatus.SENT);
  }

  @Test
  void a_reminder_whose_balance_changed_before_it_left_is_not_sent_and_says_both_amounts() {
    club.seed(aMember().withId("M2").withBalance("1500.00", TODAY.minusDays(5)).build());
    club.run(WorkflowId.PAST_DUE_MONITORING, local(TODAY, 10, 0));
    OutboundMessage reminder = club.stores().outbox().ofMember(new MemberId("M2")).get(0);
    club.stores()
        .payments()
        .apply(
            new Payment("pay-2", new MemberId("M2"), Money.parse("300.00"), local(TODAY, 10, 1)),
            local(TODAY, 10, 1));

    club.dispatcher().dispatch(local(TODAY, 10, 5));

    assertThat(reload(reminder).status()).isEqualTo(MessageStatus.SUPPRESSED);
    assertThat(reload(reminder).error())
        .startsWith("the balance changed from $1,500.00 to $1,200.00 after the reminder");
  }

  @Test
  void a_reminder_queued_before_the_member_was_referred_to_collections_is_dropped() {
    OutboundMessage reminder = queueReminderAtTen();
    club.stores()
        .referrals()
        .add(
            new Referral(
                MEMBER, TestClub.MAIN, TODAY, Money.parse("30.00"), 3, null, "run-referral"),
            "referral:test");

    club.dispatcher().dispatch(local(TODAY, 10, 5));

    assertThat(club.sms().received()).isEmpty();
    assertThat(reload(reminder).status()).isEqualTo(MessageStatus.SUPPRESSED);
    assertThat(reload(reminder).error()).isEqualTo("member was referred to collections");
    assertThat(attemptOutcome()).isEqualTo(AttemptOutcome.SUPPRESSED);
  }

  @Test
  void a_rejected_message_fails_with_the_providers_error_and_so_does_the_reminder() {
    OutboundMessage reminder = queueReminderAtTen();
    club.sms().reject("21211: invalid 'To' phone number");

    DispatchResult result = club.dispatcher().dispatch(local(TODAY, 10, 5));

    assertThat(result).isEqualTo(new DispatchResult(0, 0, 1, 0, 0));
    assertThat(reload(reminder).status()).isEqualTo(MessageStatus.FAILED);
    assertThat(reload(reminder).error()).isEqualTo("21211: invalid 'To' phone number");
    assertThat(attemptOutcome()).isEqualTo(AttemptOutcome.FAILED);
  }

  @Test
  void failed_sends_alert_the_manager_once_an_hour() {
    queueReminderAtTen();
    club.sms().reject("30003: unreachable handset");

    club.dispatcher().dispatch(local(TODAY, 10, 5));
    club.dispatcher().dispatch(local(TODAY, 10, 6));

    assertThat(club.stores().outbox().countByStatus())
        .as("the reminder failed, then the alert to the manager failed too")
        .containsEntry(MessageStatus.FAILED, 2L);
    OutboundMessage alert =
        club.stores()
            .outbox()
            .findByKey("dispatch-failed:main:" + local(TODAY, 10, 0))
            .orElseThrow();
    assertThat(alert.purpose()).isEqualTo(MessagePurpose.MANAGER);
    assertThat(alert.body()).contains("1 message could not be sent");
  }

  @Test
  void a_message_the_provider_asks_to_retry_stays_queued_for_five_minutes() {
    OutboundMessage reminder = queueReminderAtTen();
    club.sms().askForRetry("429: too many requests");

    DispatchResult result = club.dispatcher().dispatch(local(TODAY, 10, 5));

    assertThat(result).isEqualTo(new DispatchResult(0, 0, 0, 0, 1));
    assertThat(reload(reminder).status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(reload(reminder).notBefore()).isEqualTo(local(TODAY, 10, 10));
    assertThat(attemptOutcome()).isEqualTo(AttemptOutcome.SENT);

    club.sms().accept();
    assertThat(club.dispatcher().dispatch(local(TODAY, 10, 9)).sent()).isZero();
    assertThat(club.dispatcher().dispatch(local(TODAY, 10, 10)).sent()).isOne();
    assertThat(club.sms().received()).hasSize(2);
  }

  @Test
  void manager_messages_go_out_at_night_while_member_messages_wait() {
    club.seed(aMember().withId("M2").withBalance("250.00", TODAY.minusDays(40)).build());
    club.run(WorkflowId.COLLECTIONS_ESCALATION, local(TODAY, 2, 0));
    club.run(WorkflowId.PAST_DUE_MONITORING, local(TODAY, 2, 0));

    DispatchResult night = club.dispatcher().dispatch(local(TODAY, 2, 30));

    assertThat(night.sent()).isOne();
    assertThat(club.sms().received())
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.purpose()).isEqualTo(MessagePurpose.MANAGER);
              assertThat(sent.recipient()).isEqualTo(TestClub.MANAGER_PHONE);
            });
    assertThat(club.dispatcher().dispatch(local(TODAY, 8, 0)).sent()).isEqualTo(2);
  }

  @Test
  void a_carrier_opt_out_suppresses_the_text_and_opts_the_member_out_of_all_texts() {
    OutboundMessage reminder = queueReminderAtTen();
    club.sms().answerWith(SendResult.optedOut("twilio 21610: unsubscribed recipient (HTTP 400)"));

    DispatchResult result = club.dispatcher().dispatch(local(TODAY, 10, 5));

    assertThat(result.failed()).isZero();
    assertThat(result.suppressed()).isOne();
    assertThat(reload(reminder).status()).isEqualTo(MessageStatus.SUPPRESSED);
    assertThat(reload(reminder).error())
        .isEqualTo("opted_out: twilio 21610: unsubscribed recipient (HTTP 400)");
    assertThat(attemptOutcome()).isEqualTo(AttemptOutcome.FAILED);
    assertThat(club.stores().members().find(MEMBER).orElseThrow().smsOptedOut()).isTrue();
  }

  @Test
  void an_unusable_number_is_marked_and_the_next_reminder_goes_by_email() {
    OutboundMessage reminder = queueReminderAtTen();
    club.sms().answerWith(SendResult.unusableAddress("twilio 21614: not a mobile number"));

    club.dispatcher().dispatch(local(TODAY, 10, 5));

    Member member = club.stores().members().find(MEMBER).orElseThrow();
    assertThat(member.phoneUnusable()).isTrue();
    assertThat(member.smsOptedOut()).isFalse();
    assertThat(reload(reminder).status()).isEqualTo(MessageStatus.FAILED);

    club.run(WorkflowId.PAST_DUE_MONITORING, local(TODAY.plusDays(4), 10, 0));
    assertThat(club.stores().outbox().ofMember(MEMBER))
        .last()
        .satisfies(next -> assertThat(next.channel()).isEqualTo(Channel.EMAIL));
  }

  @Test
  void a_new_number_from_an_import_is_usable_again_while_the_same_number_stays_unusable() {
    club.stores().members().setPhoneUnusable(MEMBER, "+12125552671", local(TODAY, 9, 0));
    Member marked = club.stores().members().find(MEMBER).orElseThrow();
    assertThat(marked.phoneUnusable()).isTrue();

    club.seed(aMember().withId("M1").withBalance("30.00", TODAY.minusDays(5)).build());
    assertThat(club.stores().members().find(MEMBER).orElseThrow().phoneUnusable()).isTrue();

    club.seed(
        aMember()
            .withId("M1")
            .withPhone("+14155550199")
            .withBalance("30.00", TODAY.minusDays(5))
            .build());
    assertThat(club.stores().members().find(MEMBER).orElseThrow().phoneUnusable()).isFalse();
  }

  @Test
  void retries_back_off_longer_each_time_and_fail_for_good_after_the_last_try() {
    OutboundMessage reminder = queueReminderAtTen();
    club.sms().askForRetry("twilio 20500: Internal Server Error (HTTP 500)");

    Instant at = local(TODAY, 10, 0);
    List<Duration> waits = new ArrayList<>();
    for (int i = 1; i < RetryPolicy.EXACT.maxAttempts(); i++) {
      assertThat(club.dispatcher().dispatch(at).retrying()).isOne();
      Instant next = reload(reminder).notBefore();
      waits.add(Duration.between(at, next));
      at = next;
    }
    DispatchResult last = club.dispatcher().dispatch(at);

    assertThat(waits)
        .containsExactly(
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            Duration.ofMinutes(20),
            Duration.ofMinutes(40),
            Duration.ofMinutes(60));
    assertThat(last.failed()).isOne();
    assertThat(reload(reminder).status()).isEqualTo(MessageStatus.FAILED);
    assertThat(reload(reminder).error()).endsWith("(gave up after 6 tries)");
    assertThat(attemptOutcome()).isEqualTo(AttemptOutcome.FAILED);
    assertThat(club.sms().received()).hasSize(6);
  }

  @Test
  void a_providers_retry_after_longer_than_the_backoff_is_respected_with_jitter_on_top() {
    OutboundMessage reminder = queueReminderAtTen();
    club.sms()
        .answerWith(
            SendResult.retryAfter("twilio 20429: Too Many Requests", Duration.ofMinutes(30)));
    Dispatcher jittered =
        new Dispatcher(
            club.config(),
            club.dispatchStores(),
            club.sms(),
            club.email(),
            new ManagerMessages(club.stores().outbox(), MessageTemplates.defaults()),
            RetryPolicy.withJitter(() -> 0.5));

    jittered.dispatch(local(TODAY, 10, 5));

    assertThat(reload(reminder).notBefore()).isEqualTo(local(TODAY, 10, 38));
  }

  @Test
  void a_message_left_sending_by_a_crash_is_never_resent_and_the_manager_is_told() {
    OutboundMessage reminder = queueReminderAtTen();
    assertThat(club.stores().outbox().claim(reminder.id(), local(TODAY, 10, 1))).isTrue();

    DispatchResult soon = club.dispatcher().dispatch(local(TODAY, 10, 5));
    assertThat(soon.unknown()).isZero();
    assertThat(reload(reminder).status()).isEqualTo(MessageStatus.SENDING);

    DispatchResult later = club.dispatcher().dispatch(local(TODAY, 10, 12));

    assertThat(later.unknown()).isOne();
    assertThat(reload(reminder).status()).isEqualTo(MessageStatus.FAILED);
    assertThat(reload(reminder).error()).startsWith("outcome unknown");
    assertThat(attemptOutcome())
        .as("it may have arrived: it still counts, and does not bring the next reminder sooner")
        .isEqualTo(AttemptOutcome.SENT);
    assertThat(club.sms().received()).isEmpty();
    OutboundMessage alert =
        club.stores()
            .outbox()
            .findByKey("dispatch-unknown:main:" + local(TODAY, 10, 0))
            .orElseThrow();
    assertThat(alert.purpose()).isEqualTo(MessagePurpose.MANAGER);
    assertThat(alert.body()).contains("1 message may or may not have left");
  }

  @Test
  void a_send_without_an_answer_is_held_as_unknown_not_retried() {
    OutboundMessage reminder = queueReminderAtTen();
    club.sms().answerWith(SendResult.unknown("no answer from twilio: request timed out"));

    DispatchResult result = club.dispatcher().dispatch(local(TODAY, 10, 5));

    assertThat(result.unknown()).isOne();
    assertThat(reload(reminder).status()).isEqualTo(MessageStatus.FAILED);
    assertThat(reload(reminder).error()).startsWith("outcome unknown: no answer from twilio");
    club.sms().accept();
    assertThat(club.dispatcher().dispatch(local(TODAY, 11, 0)).sent())
        .as("only the manager's alert left; the reminder was not sent again")
        .isOne();
    assertThat(club.sms().received()).filteredOn(sent -> sent.id() == reminder.id()).hasSize(1);
  }
}
