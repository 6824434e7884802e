package com.gymops.application.care;

import com.gymops.application.port.store.SummaryReads;
import com.gymops.domain.Approval;
import com.gymops.domain.Plural;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Composes the manager's daily summary from the day's figures: pure, so a preview, the sent text
 * and the tests are the same words. Short sentences a manager reads on a phone; a quiet day says so
 * rather than listing zeros.
 */
public final class DailySummaryText {
  /** At most this many failed runs are named; the rest are counted. */
  static final int FAILURES_NAMED = 3;

  /** A run's error is cut to this many characters: the text is an SMS, the run keeps the rest. */
  static final int ERROR_CHARS = 80;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE MMM d", Locale.US);

  private DailySummaryText() {}

  /**
   * @param approvalsLink where the manager decides: the console's approvals page, or null when the
   *     console has no public address (the text then names the command)
   */
  public static String compose(
      LocalDate day, SummaryReads.Activity activity, List<Approval> pending, String approvalsLink) {
    List<String> parts = new ArrayList<>();
    parts.add("daily summary for " + DAY.format(day) + ".");
    parts.add(runs(activity));
    parts.addAll(failures(activity.failedRuns()));
    parts.add(messages(activity));
    parts.add(
        "Doors: "
            + Plural.of(activity.locks(), "lock", "locks")
            + ", "
            + Plural.of(activity.unlocks(), "unlock", "unlocks")
            + ".");
    parts.add(
        activity.payments() == 0
            ? "No payments recorded."
            : "Collected "
                + activity.collected().dollars()
                + " ("
                + Plural.of(activity.payments(), "payment", "payments")
                + ").");
    parts.add(approvals(pending, approvalsLink));
    return String.join(" ", parts);
  }

  private static String runs(SummaryReads.Activity activity) {
    if (activity.runs().isEmpty()) {
      return "No workflow ran.";
    }
    List<String> workflows = new ArrayList<>();
    long total = 0;
    for (Map.Entry<WorkflowId, Map<RunStatus, Long>> entry :
        new TreeMap<>(activity.runs()).entrySet()) {
      Map<RunStatus, Long> statuses = new EnumMap<>(entry.getValue());
      long count = statuses.values().stream().mapToLong(Long::longValue).sum();
      total += count;
      List<String> notOk = new ArrayList<>();
      for (RunStatus status : List.of(RunStatus.PARTIAL, RunStatus.FAILED, RunStatus.INTERRUPTED)) {
        long n = statuses.getOrDefault(status, 0L);
        if (n > 0) {
          notOk.add(n + " " + status.name().toLowerCase(Locale.ROOT));
        }
      }
      workflows.add(
          entry.getKey().id()
              + " "
              + count
              + (notOk.isEmpty() ? " ok" : " (" + String.join(", ", notOk) + ")"));
    }
    return "Ran " + Plural.of(total, "time", "times") + ": " + String.join(", ", workflows) + ".";
  }

  private static List<String> failures(List<SummaryReads.FailedRun> failed) {
    List<String> lines = new ArrayList<>();
    for (SummaryReads.FailedRun run : failed.subList(0, Math.min(FAILURES_NAMED, failed.size()))) {
      String error = run.error() == null ? "no error recorded" : run.error();
      if (error.length() > ERROR_CHARS) {
        error = error.substring(0, ERROR_CHARS - 3) + "...";
      }
      lines.add(
          "Failed: "
              + run.workflow().id()
              + " "
              + run.runId()
              + " ("
              + run.status().name().toLowerCase(Locale.ROOT)
              + ": "
              + error
              + ").");
    }
    if (failed.size() > FAILURES_NAMED) {
      lines.add(
          "And "
              + Plural.of(failed.size() - FAILURES_NAMED, "more failed run", "more failed runs")
              + "; see gymops runs.");
    }
    return lines;
  }

  /**
   * Each state its own word: "sent" only for what the provider took; what waits is "queued" (due)
   * or "deferred" (texting hours, a retry), what a rule stopped "suppressed", and "failed".
   */
  private static String messages(SummaryReads.Activity activity) {
    long sent = activity.textsSent() + activity.emailsSent();
    if (sent
            + activity.messagesFailed()
            + activity.messagesSuppressed()
            + activity.messagesQueued()
            + activity.messagesDeferred()
            + activity.messagesLogged()
        == 0) {
      return "No messages to members.";
    }
    StringBuilder text = new StringBuilder("Sent ");
    if (sent == 0) {
      text.append("no messages to members");
    } else {
      text.append(Plural.of(activity.textsSent(), "text", "texts"));
      if (activity.emailsSent() > 0) {
        text.append(" and ").append(Plural.of(activity.emailsSent(), "email", "emails"));
      }
    }
    List<String> others = new ArrayList<>();
    if (activity.messagesLogged() > 0) {
      others.add(activity.messagesLogged() + " logged, not sent (no provider configured)");
    }
    if (activity.messagesQueued() > 0) {
      others.add(activity.messagesQueued() + " queued");
    }
    if (activity.messagesDeferred() > 0) {
      others.add(activity.messagesDeferred() + " deferred to texting hours or a retry");
    }
    if (activity.messagesSuppressed() > 0) {
      others.add(activity.messagesSuppressed() + " suppressed");
    }
    if (activity.messagesFailed() > 0) {
      others.add(activity.messagesFailed() + " failed");
    }
    if (!others.isEmpty()) {
      text.append("; ").append(String.join(", ", others));
    }
    return text.append('.').toString();
  }

  private static String approvals(List<Approval> pending, String link) {
    if (pending.isEmpty()) {
      return "No approvals pending.";
    }
    Map<String, Integer> kinds = new TreeMap<>();
    pending.forEach(a -> kinds.merge(a.kind().code(), 1, Integer::sum));
    List<String> byKind = new ArrayList<>();
    kinds.forEach((kind, n) -> byKind.add(n + " " + kind));
    return Plural.of(pending.size(), "approval", "approvals")
        + " pending ("
        + String.join(", ", byKind)
        + "): "
        + (link != null ? link : "gymops approvals")
        + ".";
  }
}
