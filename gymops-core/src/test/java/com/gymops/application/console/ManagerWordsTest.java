package com.gymops.application.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.application.port.store.DigestReads.MessageCount;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.Money;
import com.gymops.policy.CampaignSummary;
import com.gymops.policy.InvoiceAmountRange;
import com.gymops.policy.InvoiceSummary;
import com.gymops.policy.PastDueSummary;
import com.gymops.policy.ReferralSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's words for a manager: dollars, plurals, sentences, and texts never "sent" early. */
class ManagerWordsTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z"); // 07:00 in New York

  @Test
  void amounts_are_dollars_with_thousands() {
    assertThat(ManagerWords.dollars(Money.ofCents(648868))).isEqualTo("$6,488.68");
    assertThat(ManagerWords.dollars(Money.ZERO)).isEqualTo("$0.00");
  }

  @Test
  void each_kind_of_text_is_counted_in_words_with_its_plural() {
    assertThat(ManagerWords.actions("send_campaign", "prospect_welcome", 190))
        .isEqualTo("190 welcome texts to prospects");
    assertThat(ManagerWords.actions("send_campaign", "ppv_conversion", 1))
        .isEqualTo("1 membership offer to pay-per-visit members");
    assertThat(ManagerWords.actions("send_campaign", "ppv_conversion", 2))
        .isEqualTo("2 membership offers to pay-per-visit members");
    assertThat(ManagerWords.actions("send_reminder", "friendly", 1200))
        .isEqualTo("1,200 friendly payment reminders");
    assertThat(ManagerWords.action("refer_to_collections", "119.94"))
        .isEqualTo("referral to the agency, $119.94");
    assertThat(ManagerWords.action("add_note", "urgent/billing"))
        .isEqualTo("staff note (urgent, billing)");
  }

  @Test
  void queued_texts_are_due_or_waiting_until_the_members_hours_never_sent() {
    Instant eight = Instant.parse("2026-12-07T13:00:00Z");
    TextFigures texts =
        TextFigures.of(
            List.of(
                new MessageCount(MessageStatus.QUEUED, NOW.minus(Duration.ofMinutes(1)), 8),
                new MessageCount(MessageStatus.QUEUED, eight, 29)),
            NOW);
    assertThat(texts.total()).isEqualTo(37);
    assertThat(texts.parts(NOW, ZONE)).isEqualTo("8 due now, 29 wait for 8:00 am");
    TextFigures later =
        TextFigures.of(
            List.of(
                new MessageCount(MessageStatus.DELIVERED, null, 5),
                new MessageCount(MessageStatus.SENT, null, 3),
                new MessageCount(MessageStatus.QUEUED, eight, 20),
                new MessageCount(MessageStatus.QUEUED, eight.plus(Duration.ofHours(3)), 9),
                new MessageCount(MessageStatus.FAILED, null, 1),
                new MessageCount(MessageStatus.SUPPRESSED, null, 2)),
            NOW);
    assertThat(later.parts(NOW, ZONE))
        .isEqualTo(
            "8 sent, 29 wait for their texting hours (8:00 am to 11:00 am), 1 failed (see the"
                + " Outbox), 2 stopped before sending (opted out or cancelled)");
    assertThat(TextFigures.of(List.of(), NOW).parts(NOW, ZONE)).isEmpty();
  }

  @Test
  void texts_the_message_log_took_are_logged_not_sent_and_never_counted_sent() {
    TextFigures demo =
        TextFigures.of(
            List.of(
                new MessageCount(MessageStatus.LOGGED, null, 443),
                new MessageCount(MessageStatus.SENT, null, 2)),
            NOW);
    assertThat(demo.sent()).isEqualTo(2);
    assertThat(demo.logged()).isEqualTo(443);
    assertThat(demo.parts(NOW, ZONE))
        .isEqualTo("2 sent, 443 logged, not sent (no provider configured)");
    assertThat(
            TextFigures.of(List.of(new MessageCount(MessageStatus.LOGGED, null, 443)), NOW)
                .parts(NOW, ZONE))
        .isEqualTo("443 logged, not sent (no provider configured)");
  }

  @Test
  void a_wait_past_today_names_the_day() {
    Instant tomorrow = Instant.parse("2026-12-08T13:00:00Z");
    assertThat(ManagerWords.when(tomorrow, NOW, ZONE)).isEqualTo("8:00 am tomorrow");
    assertThat(ManagerWords.when(tomorrow.plus(Duration.ofDays(2)), NOW, ZONE))
        .isEqualTo("8:00 am Thu 10 Dec");
  }

  @Test
  void a_cards_figures_are_sentences_with_units_and_dollars_not_maps() {
    assertThat(CardSentences.of(new PastDueSummary(120, 8, 20, 9, 2, Money.ofCents(987412), 3)))
        .containsExactly(
            "37 payment reminders queued: 8 friendly, 20 firm, 9 final",
            "2 doors locked for not paying",
            "$9,874.12 past due, owed by 120 members",
            "3 urgent cases to look at");
    assertThat(CardSentences.of(new CampaignSummary(0, 0, 0, 0, 462)))
        .containsExactly("462 campaign texts wait for you");
    assertThat(
            CardSentences.of(
                new ReferralSummary(0, Money.ZERO, List.of(), LocalDate.of(2026, 12, 7), 60)))
        .containsExactly("60 members wait for you to refer them to collections");
    InvoiceSummary invoices =
        new InvoiceSummary(
            Map.of(
                InvoiceAmountRange.UNDER_50,
                new InvoiceSummary.Band(17, Money.ofCents(38001)),
                InvoiceAmountRange.UNDER_100,
                new InvoiceSummary.Band(3, Money.ofCents(20995))));
    assertThat(CardSentences.of(invoices))
        .containsExactly("20 invoice texts queued, $589.96 in all");
  }

  @Test
  void schedules_are_said_as_a_manager_says_them() {
    assertThat(TodayQuery.schedule("06:00")).isEqualTo("every day at 06:00");
    assertThat(TodayQuery.schedule("hourly")).isEqualTo("every hour");
    assertThat(TodayQuery.schedule("monthly 1 07:00")).isEqualTo("on day 1 of each month at 07:00");
    assertThat(TodayQuery.schedule("fortnightly 09:00")).isEqualTo("every other week at 09:00");
  }
}
