package com.gymops.bench;

/**
 * A one-off text to every prospect, active and pay-per-visit member (docs/ASK.md), against the
 * day's campaign run on a copy of the same club: what the manager waits for when asking, and when
 * approving.
 *
 * @param members members of the club
 * @param texts texts the message's approval listed
 * @param file asking: the run that plans the message and files its texts as one approval
 * @param approve approving: the texts planned again for the listed members and queued
 * @param campaignRun the daily-campaigns rules run on a copy of the club, which files its texts as
 *     one approval: the baseline of asking
 * @param campaignApprove that approval's execution: the baseline of approving
 * @param campaignTexts texts the campaign's approval listed
 */
public record MessageFigures(
    int members,
    int texts,
    Timing file,
    Timing approve,
    Timing campaignRun,
    Timing campaignApprove,
    int campaignTexts) {
  /** Asking per text ÷ the campaign run per text. */
  public double fileRatio() {
    return Timing.round(perText(file, texts) / perText(campaignRun, campaignTexts));
  }

  /** Approving per text ÷ approving the campaign per text. */
  public double approveRatio() {
    return Timing.round(perText(approve, texts) / perText(campaignApprove, campaignTexts));
  }

  private static double perText(Timing timing, int texts) {
    return timing.medianSeconds() / Math.max(1, texts);
  }
}
