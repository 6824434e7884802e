package com.gymops.application.messaging;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.MemberId;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.Money;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.Payment;
import com.gymops.domain.WorkflowId;
import com.gymops.testing.TestClub;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reminder written at night must not tell the member in the morning a balance they no longer owe.
 */
class StaleReminderTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  private static final Instant NIGHT = TestClub.at(TODAY.atTime(2, 0));
  private static final Instant MORNING = TestClub.at(TODAY.atTime(8, 0));
  private static final MemberId M1 = new MemberId("M1");

  @TempDir Path directory;
  private TestClub club;

  @BeforeEach
  void open() {
    club = TestClub.in(directory);
    club.seed(
        aMember()
            .withId("M1")
            .withPhone("+12125550101")
            .withBalance("80.00", TODAY.minusDays(5))
            .build());
  }

  @AfterEach
  void close() {
    club.close();
  }

  private List<OutboundMessage> messages() {
    return club.stores().outbox().ofMember(M1);
  }

  private void pay(String id, String amount, Instant at) {
    club.stores().payments().apply(new Payment(id, M1, Money.parse(amount), at), at);
  }

  @Test
  void a_partial_payment_overnight_stops_the_old_amount_and_the_next_run_quotes_the_new_one() {
    club.run(WorkflowId.PAST_DUE_MONITORING, NIGHT);
    assertThat(messages()).singleElement().satisfies(m -> assertThat(m.body()).contains("$80.00"));
    assertThat(club.stores().attempts().ofMember(M1)).hasSize(1);

    pay("pay-1", "30.00", NIGHT.plusSeconds(3600));
    club.clock().set(MORNING);
    club.dispatcher().dispatch(MORNING);

    assertThat(club.sms().received()).isEmpty();
    assertThat(messages())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.status()).isEqualTo(MessageStatus.SUPPRESSED);
              assertThat(m.error()).contains("from $80.00 to $50.00");
            });
    // Not counted: the reminder interval and the escalation's failed reminders ignore it.
    assertThat(club.stores().attempts().ofMember(M1)).isEmpty();

    club.run(WorkflowId.PAST_DUE_MONITORING, MORNING);
    club.dispatcher().dispatch(MORNING.plusSeconds(60));

    assertThat(club.sms().received())
        .singleElement()
        .satisfies(m -> assertThat(m.body()).contains("$50.00").doesNotContain("$80.00"));
  }

  @Test
  void a_reminder_whose_balance_did_not_change_leaves_as_written() {
    club.run(WorkflowId.PAST_DUE_MONITORING, NIGHT);
    club.clock().set(MORNING);

    club.dispatcher().dispatch(MORNING);

    assertThat(club.sms().received())
        .singleElement()
        .satisfies(m -> assertThat(m.body()).contains("$80.00"));
    assertThat(club.stores().attempts().ofMember(M1)).hasSize(1);
  }
}
