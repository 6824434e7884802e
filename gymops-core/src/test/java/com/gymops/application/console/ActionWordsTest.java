package com.gymops.application.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.RunEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ActionWordsTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");

  /** 06:00 in New York. */
  private static final Instant NOW = Instant.parse("2026-12-01T11:00:00Z");

  private static final String WHO = "Keisha Brown (M000123)";

  @Test
  void a_queued_reminder_reads_as_texted_with_the_amount_and_waits_for_the_window() {
    RunThread.Action action =
        ActionWords.of(
            reminder("done"),
            WHO,
            text(MessageStatus.QUEUED, NOW.plus(Duration.ofHours(2)), null),
            ZONE,
            NOW);

    assertThat(action.before() + action.who() + action.after())
        .isEqualTo("Texted Keisha Brown (M000123) a friendly reminder about $42.50");
    assertThat(action.state()).isEqualTo("queued");
    assertThat(action.stateText()).isEqualTo("queued, waits for 8 am");
    assertThat(action.inputs()).containsEntry("amount", "42.50");
  }

  @Test
  void each_state_is_its_own_true_word() {
    assertThat(state("done", text(MessageStatus.QUEUED, NOW.minusSeconds(1), null)))
        .isEqualTo("queued");
    assertThat(state("done", text(MessageStatus.SENT, NOW, null))).isEqualTo("sent");
    assertThat(state("done", text(MessageStatus.SUPPRESSED, NOW, "cancelled by dana")))
        .isEqualTo("suppressed");
    assertThat(state("done", text(MessageStatus.FAILED, NOW, "30003: unreachable")))
        .isEqualTo("failed");
    assertThat(state("deferred", null)).isEqualTo("deferred");
    assertThat(state("held", null)).isEqualTo("held");
    assertThat(state("failed: door system down", null)).isEqualTo("failed");
    assertThat(state("planned", null)).isEqualTo("planned");
    assertThat(
            ActionWords.state(
                    "done", text(MessageStatus.FAILED, NOW, "30003: unreachable"), ZONE, NOW)
                .text())
        .isEqualTo("failed: 30003: unreachable");
  }

  @Test
  void a_text_the_message_log_took_is_logged_never_sent() {
    ActionWords.State logged =
        ActionWords.state("done", text(MessageStatus.LOGGED, NOW, null), ZONE, NOW);

    assertThat(logged.word()).isEqualTo("logged");
    assertThat(logged.text())
        .isEqualTo("logged, not sent (no SMS provider)")
        .doesNotStartWith("sent");
  }

  @Test
  void a_lock_names_the_member_the_amount_and_the_days_and_a_dry_run_says_would() {
    RunEvent lock =
        new RunEvent(
            3,
            new MemberId("M000123"),
            "lock_door",
            "payment",
            "door.lock",
            "{\"amount\":\"1234.5\",\"days_past_due\":\"45\"}",
            "planned");

    RunThread.Action action = ActionWords.of(lock, WHO, null, ZONE, NOW);

    assertThat(action.before() + action.who() + action.after())
        .isEqualTo(
            "Would lock the door of Keisha Brown (M000123): owes $1,234.50, 45 days past due");
  }

  @Test
  void a_wait_on_another_day_names_the_day() {
    assertThat(ActionWords.when(NOW.plus(Duration.ofHours(26)).plusSeconds(1800), ZONE, NOW))
        .isEqualTo("Wed 2 Dec 8:30 am");
  }

  private static String state(String outcome, OutboundMessage message) {
    return ActionWords.state(outcome, message, ZONE, NOW).word();
  }

  private static RunEvent reminder(String outcome) {
    return new RunEvent(
        1,
        new MemberId("M000123"),
        "send_reminder",
        "friendly",
        "past-due.tier.friendly",
        "{\"amount\":\"42.50\",\"attempts\":\"0\"}",
        outcome);
  }

  private static OutboundMessage text(MessageStatus status, Instant notBefore, String error) {
    return new OutboundMessage(
        7,
        "key",
        new ClubId("main"),
        new MemberId("M000123"),
        Channel.SMS,
        "+14155550101",
        MessagePurpose.REMINDER,
        "reminder_friendly",
        null,
        "Hello",
        1,
        status,
        NOW,
        notBefore,
        null,
        error,
        "run-1",
        null);
  }
}
