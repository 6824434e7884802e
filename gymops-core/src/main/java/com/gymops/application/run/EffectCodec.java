package com.gymops.application.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.domain.Channel;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.Money;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import com.gymops.policy.Effect;
import com.gymops.policy.PlannedMessage;
import com.gymops.policy.ReminderTier;
import java.time.Instant;

/**
 * An effect as JSON and back, so an approval stores exactly what was planned. The one place that
 * knows every effect's fields: when the plan's effects change, only this adapter follows.
 */
public final class EffectCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EffectCodec() {}

  public static String write(Effect effect) {
    ObjectNode node = JSON.createObjectNode().put("type", effect.getClass().getSimpleName());
    return effect.accept(new Fields(node)).toString();
  }

  /** Each kind of effect's fields, and a member's planned message as it will be sent. */
  private static final class Fields implements Effect.Handler<ObjectNode> {
    private final ObjectNode node;

    Fields(ObjectNode node) {
      this.node = node;
    }

    @Override
    public ObjectNode reminder(Effect.SendReminder reminder) {
      return withMessage(node.put("tier", reminder.tier().name()), reminder);
    }

    @Override
    public ObjectNode invoice(Effect.SendInvoice invoice) {
      return withMessage(node.put("amount", invoice.amount().toString()), invoice);
    }

    @Override
    public ObjectNode campaign(Effect.SendCampaign campaign) {
      return withMessage(node.put("template", campaign.templateKey()), campaign);
    }

    @Override
    public ObjectNode message(Effect.SendMessage message) {
      return withMessage(node.put("template", message.templateKey()), message);
    }

    @Override
    public ObjectNode lock(Effect.LockDoor lock) {
      return node;
    }

    @Override
    public ObjectNode unlock(Effect.UnlockDoor unlock) {
      return node;
    }

    @Override
    public ObjectNode manualLock(Effect.ManualLock lock) {
      return node.put("reason", lock.reason());
    }

    @Override
    public ObjectNode manualUnlock(Effect.ManualUnlock unlock) {
      return node.put("reason", unlock.reason());
    }

    @Override
    public ObjectNode note(Effect.AddNote note) {
      return node.put("priority", note.priority().name())
          .put("category", note.category().name())
          .put("text", note.text());
    }

    @Override
    public ObjectNode referral(Effect.ReferToCollections referral) {
      return node.put("amount", referral.amount().toString()).put("attempts", referral.attempts());
    }

    @Override
    public ObjectNode manager(Effect.NotifyManager notify) {
      return node.put("text", notify.text());
    }

    private static ObjectNode withMessage(ObjectNode node, Effect.ToMember effect) {
      PlannedMessage message = effect.message();
      if (message != null) {
        node.putObject("message")
            .put("template", message.templateKey())
            .put("purpose", message.purpose().name())
            .put("channel", message.channel().name())
            .put("recipient", message.recipient())
            .put("subject", message.subject())
            .put("text", message.text())
            .put("segments", message.segments())
            .put("not_before", message.notBefore().toString());
      }
      return node;
    }
  }

  /** The planned message of a stored member effect, exactly as it was planned; null when none. */
  private static PlannedMessage message(JsonNode effect) {
    JsonNode node = effect.get("message");
    if (node == null || node.isNull()) {
      return null;
    }
    JsonNode subject = node.get("subject");
    return new PlannedMessage(
        text(node, "template"),
        MessagePurpose.valueOf(text(node, "purpose")),
        Channel.valueOf(text(node, "channel")),
        text(node, "recipient"),
        subject == null || subject.isNull() ? null : subject.asText(),
        text(node, "text"),
        node.path("segments").asInt(),
        Instant.parse(text(node, "not_before")));
  }

  /**
   * @throws IllegalArgumentException when the JSON is not an effect this version knows
   */
  public static Effect read(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("stored effect is not JSON: " + json, e);
    }
    String type = node.path("type").asText();
    return switch (type) {
      case "SendReminder" ->
          new Effect.SendReminder(ReminderTier.valueOf(text(node, "tier")), message(node));
      case "LockDoor" -> new Effect.LockDoor();
      case "UnlockDoor" -> new Effect.UnlockDoor();
      case "AddNote" ->
          new Effect.AddNote(
              NotePriority.valueOf(text(node, "priority")),
              NoteCategory.valueOf(text(node, "category")),
              text(node, "text"));
      case "SendCampaign" -> new Effect.SendCampaign(text(node, "template"), message(node));
      case "SendInvoice" ->
          new Effect.SendInvoice(Money.parse(text(node, "amount")), message(node));
      case "SendMessage" -> new Effect.SendMessage(text(node, "template"), message(node));
      case "ReferToCollections" ->
          new Effect.ReferToCollections(
              Money.parse(text(node, "amount")), node.path("attempts").asInt());
      case "NotifyManager" -> new Effect.NotifyManager(text(node, "text"));
      case "ManualLock" -> new Effect.ManualLock(text(node, "reason"));
      case "ManualUnlock" -> new Effect.ManualUnlock(text(node, "reason"));
      default -> throw new IllegalArgumentException("unknown stored effect '" + type + "'");
    };
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("stored effect lacks '" + field + "': " + node);
    }
    return value.asText();
  }
}
