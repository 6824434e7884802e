package com.gymops.application.console;

import com.gymops.domain.Money;
import com.gymops.policy.CampaignSummary;
import com.gymops.policy.DoorAccessSummary;
import com.gymops.policy.EscalationSummary;
import com.gymops.policy.InvoiceSummary;
import com.gymops.policy.PastDueSummary;
import com.gymops.policy.ReferralSummary;
import com.gymops.policy.RunSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's summary as the Today page says it: each figure a sentence with its unit and dollar
 * amounts, no codes and no raw maps ("37 payment reminders queued: 8 friendly, 20 firm, 9 final").
 * A run queues texts; what became of them is counted from the outbox ({@link TextFigures}).
 */
final class CardSentences implements RunSummary.Visitor<List<String>> {
  static List<String> of(RunSummary summary) {
    return summary.accept(new CardSentences());
  }

  private static String n(long count, String one, String many) {
    return ManagerWords.count(count, one, many);
  }

  private static String dollars(Money money) {
    return ManagerWords.dollars(money);
  }

  @Override
  public List<String> campaigns(CampaignSummary s) {
    List<String> lines = new ArrayList<>();
    if (s.awaitingApproval() > 0) {
      lines.add(n(s.awaitingApproval(), "campaign text waits", "campaign texts wait") + " for you");
    }
    int campaign = s.textsQueued() - s.oneOff();
    if (campaign > 0) {
      lines.add(
          n(campaign, "campaign text", "campaign texts")
              + " queued: "
              + s.prospects()
              + " to prospects, "
              + s.green()
              + " to new members, "
              + s.ppv()
              + " to pay-per-visit members");
    }
    if (s.oneOff() > 0) {
      lines.add(n(s.oneOff(), "one-off text", "one-off texts") + " queued");
    }
    if (lines.isEmpty()) {
      lines.add("No campaign text was due");
    }
    return lines;
  }

  @Override
  public List<String> pastDue(PastDueSummary s) {
    List<String> lines = new ArrayList<>();
    int reminders = s.friendly() + s.firm() + s.finalNotices();
    lines.add(
        reminders == 0
            ? "No payment reminder was due"
            : n(reminders, "payment reminder", "payment reminders")
                + " queued: "
                + s.friendly()
                + " friendly, "
                + s.firm()
                + " firm, "
                + s.finalNotices()
                + " final");
    if (s.doorsLocked() > 0) {
      lines.add(n(s.doorsLocked(), "door", "doors") + " locked for not paying");
    }
    if (s.membersProcessed() > 0) {
      lines.add(
          dollars(s.totalPastDue())
              + " past due, owed by "
              + n(s.membersProcessed(), "member", "members"));
    }
    if (s.urgentCases() > 0) {
      lines.add(n(s.urgentCases(), "urgent case", "urgent cases") + " to look at");
    }
    return lines;
  }

  @Override
  public List<String> doorAccess(DoorAccessSummary s) {
    List<String> lines = new ArrayList<>();
    if (s.membersLocked() > 0) {
      lines.add(n(s.membersLocked(), "member", "members") + " locked out for not paying");
    }
    if (s.membersUnlocked() > 0) {
      lines.add(n(s.membersUnlocked(), "member", "members") + " let back in after paying");
    }
    if (s.lockWarnings() > 0) {
      lines.add(n(s.lockWarnings(), "lock warning", "lock warnings") + " queued");
    }
    int withheld = s.locksWithheldByBreaker() + s.locksAwaitingApproval();
    if (withheld > 0) {
      lines.add(n(withheld, "lock waits", "locks wait") + " for you");
    }
    if (lines.isEmpty()) {
      lines.add("No door to lock or unlock");
    }
    return lines;
  }

  @Override
  public List<String> escalation(EscalationSummary s) {
    if (s.cases().isEmpty()) {
      return List.of("Nobody to escalate");
    }
    return List.of(
        n(s.cases().size(), "member", "members")
            + " escalated to you, "
            + dollars(s.totalAtRisk())
            + " at risk");
  }

  @Override
  public List<String> referral(ReferralSummary s) {
    List<String> lines = new ArrayList<>();
    if (s.awaitingApproval() > 0) {
      lines.add(
          n(s.awaitingApproval(), "member waits", "members wait")
              + " for you to refer them to collections");
    }
    if (s.membersReferred() > 0) {
      lines.add(
          n(s.membersReferred(), "member", "members")
              + " referred to collections, "
              + dollars(s.totalReferred()));
    }
    if (lines.isEmpty()) {
      lines.add("Nobody to refer to collections");
    }
    return lines;
  }

  @Override
  public List<String> invoices(InvoiceSummary s) {
    long count = 0;
    Money total = Money.ZERO;
    for (InvoiceSummary.Band band : s.byAmountRange().values()) {
      count += band.count();
      total = total.plus(band.amount());
    }
    return List.of(
        count == 0
            ? "No invoice was due"
            : n(count, "invoice text", "invoice texts") + " queued, " + dollars(total) + " in all");
  }
}
