package com.gymops.policy;

import java.util.List;

/**
 * The daily-campaigns summary: campaign texts queued, by audience, one-off messages a person wrote
 * (docs/ASK.md), and those waiting for a person to approve a large campaign ({@code
 * approvals.campaign_recipients}) or a one-off message.
 */
public record CampaignSummary(int prospects, int green, int ppv, int oneOff, int awaitingApproval)
    implements RunSummary {
  public CampaignSummary {
    if (prospects < 0 || green < 0 || ppv < 0 || oneOff < 0 || awaitingApproval < 0) {
      throw new IllegalArgumentException("a campaign figure is negative");
    }
  }

  /** The texts among {@code actions}, by the audience their template is written for. */
  public static CampaignSummary of(List<Action> actions, int awaitingApproval) {
    int prospects = 0;
    int green = 0;
    int ppv = 0;
    int oneOff = 0;
    for (Action action : actions) {
      if (action.effect() instanceof Effect.SendCampaign campaign) {
        switch (campaign.templateKey()) {
          case MessageTemplates.GREEN_MEMBER_WELCOME -> green++;
          case MessageTemplates.PPV_CONVERSION -> ppv++;
          case MessageTemplates.ONE_OFF_MESSAGE -> oneOff++;
          default -> prospects++;
        }
      }
    }
    return new CampaignSummary(prospects, green, ppv, oneOff, awaitingApproval);
  }

  public int textsQueued() {
    return prospects + green + ppv + oneOff;
  }

  @Override
  public CampaignSummary recount(List<Action> carriedOut) {
    return of(carriedOut, awaitingApproval);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.campaigns(this);
  }
}
