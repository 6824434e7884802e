package com.gymops.policy;

/** Effects with their planned message left out, for tests about what was decided, not worded. */
final class PlanEffects {
  private PlanEffects() {}

  static Effect withoutMessage(Effect effect) {
    if (effect instanceof Effect.SendReminder reminder) {
      return new Effect.SendReminder(reminder.tier(), null);
    } else if (effect instanceof Effect.SendInvoice invoice) {
      return new Effect.SendInvoice(invoice.amount(), null);
    } else if (effect instanceof Effect.SendCampaign campaign) {
      return new Effect.SendCampaign(campaign.templateKey(), null);
    } else if (effect instanceof Effect.SendMessage message) {
      return new Effect.SendMessage(message.templateKey(), null);
    }
    return effect;
  }
}
