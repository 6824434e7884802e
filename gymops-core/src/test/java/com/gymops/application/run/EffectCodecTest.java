package com.gymops.application.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.Channel;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.Money;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import com.gymops.policy.Effect;
import com.gymops.policy.PlannedMessage;
import com.gymops.policy.ReminderTier;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectCodecTest {
  private static final PlannedMessage TEXT =
      new PlannedMessage(
          "reminder_friendly",
          MessagePurpose.REMINDER,
          Channel.SMS,
          "+12125552671",
          null,
          "Hi Alex, your balance is past due.",
          1,
          Instant.parse("2026-12-01T15:00:00Z"));

  private static final PlannedMessage EMAIL =
      new PlannedMessage(
          "invoice",
          MessagePurpose.INVOICE,
          Channel.EMAIL,
          "alex@example.com",
          "Your invoice",
          "You owe $80.00.",
          0,
          Instant.parse("2026-12-01T15:00:00Z"));

  @Test
  void every_kind_of_effect_reads_back_exactly_as_it_was_planned() {
    List<Effect> effects =
        List.of(
            new Effect.SendReminder(ReminderTier.FIRM, TEXT),
            new Effect.SendReminder(ReminderTier.FINAL, null),
            new Effect.SendInvoice(Money.parse("80.00"), EMAIL),
            new Effect.SendCampaign("spring", TEXT),
            new Effect.SendMessage("access_locked", TEXT),
            new Effect.SendMessage("access_locked", null),
            new Effect.LockDoor(),
            new Effect.UnlockDoor(),
            new Effect.ManualLock("lost card"),
            new Effect.ManualUnlock("found card"),
            new Effect.AddNote(NotePriority.HIGH, NoteCategory.BILLING, "Locked for payment."),
            new Effect.ReferToCollections(Money.parse("212.50"), 4),
            new Effect.NotifyManager("3 members locked"));

    for (Effect effect : effects) {
      assertThat(EffectCodec.read(EffectCodec.write(effect))).as(effect.name()).isEqualTo(effect);
    }
  }
}
