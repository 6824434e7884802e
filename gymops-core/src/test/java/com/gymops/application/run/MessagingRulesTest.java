package com.gymops.application.run;

import static com.gymops.application.run.ClubPopulation.TODAY;
import static com.gymops.application.run.ClubPopulation.local;
import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.Action;
import com.gymops.policy.ClubSnapshot;
import com.gymops.policy.Effect;
import com.gymops.policy.MessageComposer;
import com.gymops.policy.MessageTemplates;
import com.gymops.policy.SmsSegments;
import com.gymops.testing.TestClub;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessagingRulesTest {
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

  private Member owing(String id, String amount) {
    return aMember().withId(id).withBalance(amount, TODAY.minusDays(5)).build();
  }

  private List<OutboundMessage> messagesOf(String id) {
    return club.stores().outbox().ofMember(new MemberId(id));
  }

  private List<CollectionAttempt> attemptsOf(String id) {
    return club.stores().attempts().ofMember(new MemberId(id));
  }

  @Test
  void a_reminder_planned_at_two_in_the_night_is_queued_for_eight_that_morning() {
    club.seed(owing("M1", "30.00"));

    club.run(WorkflowId.PAST_DUE_MONITORING, local(TODAY, LocalTime.of(2, 0)));

    assertThat(messagesOf("M1"))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.purpose()).isEqualTo(MessagePurpose.REMINDER);
              assertThat(message.createdAt()).isEqualTo(local(TODAY, LocalTime.of(2, 0)));
              assertThat(message.notBefore()).isEqualTo(local(TODAY, LocalTime.of(8, 0)));
            });
  }

  @Test
  void a_member_who_replied_stop_gets_the_reminder_by_email() {
    Member member =
        aMember()
            .withId("M1")
            .withEmail("m1@example.com")
            .optedOut()
            .withBalance("30.00", TODAY.minusDays(5))
            .build();
    club.seed(member);

    club.run(WorkflowId.PAST_DUE_MONITORING, local(TODAY, LocalTime.of(10, 0)));

    assertThat(messagesOf("M1"))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.channel()).isEqualTo(Channel.EMAIL);
              assertThat(message.recipient()).isEqualTo("m1@example.com");
              assertThat(message.subject()).contains("payment reminder");
            });
    assertThat(attemptsOf("M1"))
        .singleElement()
        .satisfies(
            attempt -> {
              assertThat(attempt.channel()).isEqualTo(Channel.EMAIL);
              assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.SENT);
            });
  }

  @Test
  void a_member_with_no_usable_phone_and_no_email_gets_a_failed_attempt_and_no_message() {
    club.seed(
        aMember().withId("M1").withPhone(null).withEmail(null).withBalance("30.00", TODAY).build(),
        aMember()
            .withId("M2")
            .optedOut()
            .withEmail(null)
            .withBalance("30.00", TODAY.minusDays(1))
            .build());

    RunReport report = club.run(WorkflowId.PAST_DUE_MONITORING, local(TODAY, LocalTime.of(10, 0)));

    for (String id : List.of("M1", "M2")) {
      assertThat(messagesOf(id)).isEmpty();
      assertThat(attemptsOf(id))
          .singleElement()
          .satisfies(
              attempt -> {
                assertThat(attempt.kind()).isEqualTo(AttemptKind.FRIENDLY);
                assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.FAILED);
              });
    }
    assertThat(TestClub.outcomes(report)).containsOnly("undeliverable");
  }

  @Test
  void a_marketing_message_carries_the_opt_out_words_and_its_segment_count() {
    club.seed(aMember().withId("P1").withStatus(MemberStatus.PROSPECT).build());

    club.run(WorkflowId.DAILY_CAMPAIGNS, local(TODAY, LocalTime.of(6, 0)));

    assertThat(messagesOf("P1"))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.purpose()).isEqualTo(MessagePurpose.MARKETING);
              assertThat(message.templateKey()).isEqualTo(MessageTemplates.PROSPECT_WELCOME);
              assertThat(message.body()).endsWith("Reply STOP to opt out.");
              assertThat(message.segments())
                  .isPositive()
                  .isEqualTo(SmsSegments.of(message.body()).segments());
              assertThat(message.notBefore()).isEqualTo(local(TODAY, LocalTime.of(8, 0)));
            });
  }

  @Test
  void one_marketing_message_per_member_per_day_even_across_templates() {
    Member prospect = aMember().withId("P1").withStatus(MemberStatus.PROSPECT).build();
    club.seed(prospect);
    club.run(WorkflowId.DAILY_CAMPAIGNS, local(TODAY, LocalTime.of(6, 0)));

    // The same person turns pay-per-visit the same day: a new audience, still no second text.
    Member converted = aMember().withId("P1").withStatus(MemberStatus.PPV).build();
    club.seed(converted);
    club.run(WorkflowId.DAILY_CAMPAIGNS, local(TODAY, LocalTime.of(18, 0)));
    // Nor through the executor, whatever template a caller (the agent's tools) asks for.
    ActionExecutor executor = new ActionExecutor(club.stores(), MessageTemplates.defaults());
    RunContext context =
        RunContext.of(
            "run-by-hand",
            WorkflowId.DAILY_CAMPAIGNS,
            club.config().clubs().get(0).club(),
            club.config().clubs().get(0).policy(),
            local(TODAY, LocalTime.of(19, 0)));
    Outcome outcome =
        executor.execute(
            new Action(
                converted.id(),
                new Effect.SendCampaign(
                    MessageTemplates.MONTHLY_SPECIAL,
                    MessageComposer.of(
                            new ClubSnapshot(context.club(), context.policy(), List.of()),
                            context.now())
                        .marketing(converted, MessageTemplates.MONTHLY_SPECIAL)
                        .orElseThrow()),
                "test",
                Map.of()),
            converted,
            context);

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.ALREADY_DONE);
    assertThat(messagesOf("P1")).singleElement();

    club.run(WorkflowId.DAILY_CAMPAIGNS, local(TODAY.plusDays(1), LocalTime.of(6, 0)));
    assertThat(messagesOf("P1"))
        .extracting(OutboundMessage::templateKey)
        .containsExactly(MessageTemplates.PROSPECT_WELCOME, MessageTemplates.PPV_CONVERSION);
  }

  @Test
  void invoices_go_once_per_month_even_when_rerun_on_another_day() {
    club.seed(owing("M1", "75.00"), owing("M2", "20.00"));

    club.run(WorkflowId.BATCH_INVOICES, local(TODAY, LocalTime.of(7, 0)));
    RunReport rerun =
        club.run(WorkflowId.BATCH_INVOICES, local(TODAY.plusDays(16), LocalTime.of(12, 0)));

    for (String id : List.of("M1", "M2")) {
      assertThat(messagesOf(id))
          .singleElement()
          .satisfies(m -> assertThat(m.purpose()).isEqualTo(MessagePurpose.INVOICE));
      assertThat(attemptsOf(id))
          .singleElement()
          .satisfies(a -> assertThat(a.kind()).isEqualTo(AttemptKind.INVOICE));
    }
    assertThat(rerun.actions()).isEmpty();
    assertThat(rerun.skipped()).containsEntry("already invoiced this month", 2);

    club.run(WorkflowId.BATCH_INVOICES, local(TODAY.plusMonths(1), LocalTime.of(7, 0)));
    assertThat(messagesOf("M1")).hasSize(2);
  }
}
