package com.gymops.application.run;

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
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A run summary in a manager's words, the one place that says them (docs/WORKFLOWS.md, "Run
 * summaries"): the CLI prints its lines, the console joins them into one.
 *
 * <p>A run queues texts and the dispatcher sends them later, within each member's window, so a run
 * says "queued", never "sent"; a dry run changed nothing and says what it would do ("reminders it
 * would queue", "doors it would lock").
 */
public final class SummaryText {
  private SummaryText() {}

  /**
   * One figure of the summary.
   *
   * @param table the rows behind a count (the escalation cases, the referral list): a header of
   *     column names, then one line per row, cells joined by {@code " | "}; empty for a plain
   *     figure
   */
  public record Line(String label, String value, List<String> table) {
    public Line {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(value, "value");
      table = List.copyOf(table);
    }

    Line(String label, Object value) {
      this(label, String.valueOf(value), List.of());
    }

    @Override
    public String toString() {
      return label + ": " + value;
    }
  }

  public static List<Line> lines(RunSummary summary, boolean dryRun) {
    return summary.accept(new Lines(dryRun));
  }

  /** The summary on one line, e.g. "members processed: 12; reminders queued: friendly 3, ...". */
  public static String sentence(RunSummary summary, boolean dryRun) {
    return lines(summary, dryRun).stream().map(Line::toString).collect(Collectors.joining("; "));
  }

  private static final class Lines implements RunSummary.Visitor<List<Line>> {
    private final boolean dryRun;

    Lines(boolean dryRun) {
      this.dryRun = dryRun;
    }

    /** "texts queued" after a run, "texts it would queue" after a dry run. */
    private String did(String what, String done, String wouldDo) {
      return what + (dryRun ? " it would " + wouldDo : " " + done);
    }

    @Override
    public List<Line> campaigns(CampaignSummary summary) {
      List<Line> lines = new ArrayList<>();
      lines.add(new Line(did("campaign texts", "queued", "queue"), summary.textsQueued()));
      lines.add(
          new Line(
              "by category",
              "prospects "
                  + summary.prospects()
                  + ", green "
                  + summary.green()
                  + ", ppv "
                  + summary.ppv()
                  + (summary.oneOff() == 0 ? "" : ", one-off " + summary.oneOff())));
      if (summary.awaitingApproval() > 0) {
        lines.add(new Line("texts withheld for approval", summary.awaitingApproval()));
      }
      return lines;
    }

    @Override
    public List<Line> pastDue(PastDueSummary summary) {
      return List.of(
          new Line("members processed", summary.membersProcessed()),
          new Line(
              did("reminders", "queued", "queue"),
              "friendly "
                  + summary.friendly()
                  + ", firm "
                  + summary.firm()
                  + ", final "
                  + summary.finalNotices()),
          new Line(did("doors", "locked", "lock"), summary.doorsLocked()),
          new Line("total past due", dollars(summary.totalPastDue())),
          new Line("urgent cases", summary.urgentCases()));
    }

    @Override
    public List<Line> doorAccess(DoorAccessSummary summary) {
      List<Line> lines = new ArrayList<>();
      lines.add(new Line(did("members", "locked", "lock"), summary.membersLocked()));
      lines.add(new Line(did("members", "unlocked", "unlock"), summary.membersUnlocked()));
      lines.add(new Line(did("notifications", "queued", "queue"), summary.notificationsQueued()));
      lines.add(new Line(did("lock warnings", "queued", "queue"), summary.lockWarnings()));
      if (summary.locksWithheldByBreaker() > 0) {
        lines.add(new Line("locks withheld by breaker", summary.locksWithheldByBreaker()));
      }
      if (summary.locksAwaitingApproval() > 0) {
        lines.add(new Line("locks withheld for approval", summary.locksAwaitingApproval()));
      }
      return lines;
    }

    @Override
    public List<Line> escalation(EscalationSummary summary) {
      List<String> table = new ArrayList<>();
      if (!summary.cases().isEmpty()) {
        table.add(
            "member id | name | amount | attempts 30d | days past due | reasons | last contact");
        for (EscalationSummary.Case row : summary.cases()) {
          table.add(
              String.join(
                  " | ",
                  row.memberId(),
                  row.name(),
                  dollars(row.amount()),
                  Integer.toString(row.attempts30d()),
                  Long.toString(row.daysPastDue()),
                  row.reasons().toString(),
                  row.lastContact()));
        }
      }
      List<Line> lines = new ArrayList<>();
      lines.add(new Line("escalation cases", Integer.toString(summary.escalationCases()), table));
      lines.add(new Line("total at risk", dollars(summary.totalAtRisk())));
      if (!summary.recommendedActions().isEmpty()) {
        lines.add(new Line("recommended actions", String.join("; ", summary.recommendedActions())));
      }
      return lines;
    }

    @Override
    public List<Line> referral(ReferralSummary summary) {
      List<String> table = new ArrayList<>();
      if (!summary.referrals().isEmpty()) {
        table.add(
            "member id | name | amount | attempts | phone | email | past due since | last"
                + " contact");
        for (ReferralSummary.Referral row : summary.referrals()) {
          table.add(
              String.join(
                  " | ",
                  row.memberId(),
                  row.name(),
                  dollars(row.amount()),
                  Integer.toString(row.attempts()),
                  row.phone(),
                  row.email(),
                  String.valueOf(row.pastDueSince()),
                  row.lastContact()));
        }
      }
      List<Line> lines = new ArrayList<>();
      lines.add(
          new Line(
              did("members", "referred", "refer"),
              Integer.toString(summary.membersReferred()),
              table));
      lines.add(new Line(did("total", "referred", "refer"), dollars(summary.totalReferred())));
      lines.add(new Line("date referred", summary.dateReferred()));
      if (summary.awaitingApproval() > 0) {
        lines.add(new Line("members withheld for approval", summary.awaitingApproval()));
      }
      return lines;
    }

    @Override
    public List<Line> invoices(InvoiceSummary summary) {
      String ranges =
          summary.byAmountRange().entrySet().stream()
              .map(
                  e ->
                      e.getKey().label()
                          + ": "
                          + e.getValue().count()
                          + " ("
                          + dollars(e.getValue().amount())
                          + ")")
              .collect(Collectors.joining(", "));
      return List.of(
          new Line(did("invoices", "queued", "queue"), summary.invoicesQueued()),
          new Line(did("total", "invoiced", "invoice"), dollars(summary.totalAmount())),
          new Line("by amount range", ranges));
    }
  }

  private static String dollars(Money amount) {
    return amount.dollars();
  }
}
