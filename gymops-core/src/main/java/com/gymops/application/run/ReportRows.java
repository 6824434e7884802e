package com.gymops.application.run;

import com.gymops.policy.EscalationSummary;
import com.gymops.policy.ReferralSummary;
import com.gymops.policy.RunSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of a run's report file (docs/WORKFLOWS.md): the escalation cases, or the referral list
 * for the agency, as columns named the way the CSV heads them.
 */
public final class ReportRows {
  private ReportRows() {}

  /** The report rows of the summary; empty for a workflow without a report file. */
  public static List<Map<String, Object>> of(RunSummary summary) {
    if (summary instanceof EscalationSummary escalation) {
      return escalation.cases().stream().map(ReportRows::row).toList();
    }
    if (summary instanceof ReferralSummary referral) {
      return referral.referrals().stream().map(ReportRows::row).toList();
    }
    return List.of();
  }

  /** The referral list limited to {@code members}: those an approval's execution referred. */
  public static List<Map<String, Object>> referred(RunSummary summary, Set<String> members) {
    if (!(summary instanceof ReferralSummary referral)) {
      return List.of();
    }
    return referral.referrals().stream()
        .filter(row -> members.contains(row.memberId()))
        .map(ReportRows::row)
        .toList();
  }

  private static Map<String, Object> row(EscalationSummary.Case row) {
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("member_id", row.memberId());
    columns.put("name", row.name());
    columns.put("amount", row.amount().toBigDecimal());
    columns.put("attempts_30d", row.attempts30d());
    columns.put("days_past_due", row.daysPastDue());
    columns.put("reasons", row.reasons());
    columns.put("last_contact", row.lastContact());
    return columns;
  }

  private static Map<String, Object> row(ReferralSummary.Referral row) {
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("member_id", row.memberId());
    columns.put("name", row.name());
    columns.put("amount", row.amount().toBigDecimal());
    columns.put("attempts", row.attempts());
    columns.put("phone", row.phone());
    columns.put("email", row.email());
    columns.put("past_due_since", String.valueOf(row.pastDueSince()));
    columns.put("last_contact", row.lastContact());
    return columns;
  }
}
