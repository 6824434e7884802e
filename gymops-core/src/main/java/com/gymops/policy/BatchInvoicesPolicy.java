package com.gymops.policy;

import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.Member;
import com.gymops.domain.Money;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The batch-invoices workflow (docs/WORKFLOWS.md): each member with a balance and no open referral
 * gets the monthly invoice text and a billing note.
 *
 * <p>One invoice per member per club-local calendar month: an INVOICE attempt of any outcome in the
 * month means the member was invoiced, so reruns, retries and a manual run after the scheduled one
 * plan nothing new. A failed invoice is not retried here; the failure is reported instead.
 *
 * <p>The collection cap (docs/WORKFLOWS.md, messaging rules) holds for invoices too: when the
 * member already had {@code maxCollectionMessagesPer7Days} collection messages (reminders and
 * invoices not FAILED) in the 7 days before now, the invoice is skipped this run. "The 7 days
 * before now" starts strictly after now − 7 days, so a message sent exactly a week ago no longer
 * counts.
 *
 * <p>Channel choice (SMS, or email for a member who replied STOP) is the executor's concern: an
 * opted-out member is still invoiced.
 */
public final class BatchInvoicesPolicy implements WorkflowPolicy {
  public static final String RULE_MONTHLY_INVOICE = "invoice.monthly";

  public static final String SKIP_OPEN_REFERRAL = "open referral";
  public static final String SKIP_ALREADY_INVOICED = "already invoiced this month";
  public static final String SKIP_COLLECTION_CAP = "collection cap";

  private static final Duration CAP_SPAN = Duration.ofDays(7);

  @Override
  public Plan plan(ClubSnapshot snapshot, Clock clock) {
    Instant now = clock.instant();
    ZoneId zone = snapshot.club().zone();
    YearMonth thisMonth = YearMonth.from(now.atZone(zone));
    int cap = snapshot.policy().messaging().maxCollectionMessagesPer7Days();
    MessageComposer composer = MessageComposer.of(snapshot, now);

    List<Action> actions = new ArrayList<>();
    Map<String, Integer> skipped = new LinkedHashMap<>();

    for (MemberSnapshot candidate : snapshot.members()) {
      Member member = candidate.member();
      if (!member.isPastDue()) {
        continue;
      }
      if (candidate.openReferral().isPresent()) {
        skipped.merge(SKIP_OPEN_REFERRAL, 1, Integer::sum);
        continue;
      }
      if (snapshot.onHold(member.id(), LocalDate.ofInstant(now, zone))) {
        skipped.merge(ClubSnapshot.ON_HOLD, 1, Integer::sum);
        continue;
      }
      if (invoicedIn(thisMonth, candidate.attempts(), zone)) {
        skipped.merge(SKIP_ALREADY_INVOICED, 1, Integer::sum);
        continue;
      }
      long recent = collectionMessagesAfter(candidate.attempts(), now.minus(CAP_SPAN));
      if (recent >= cap) {
        skipped.merge(SKIP_COLLECTION_CAP, 1, Integer::sum);
        continue;
      }

      Money amount = member.pastDue();
      Map<String, String> inputs = new LinkedHashMap<>();
      inputs.put("amount", amount.toString());
      inputs.put(
          "past_due_since",
          member.pastDueSince() == null ? "unknown" : member.pastDueSince().toString());
      inputs.put(
          "last_invoice", lastInvoice(candidate.attempts()).map(Instant::toString).orElse("never"));
      inputs.put("collection_messages_7d", Long.toString(recent));
      actions.add(
          new Action(
              member.id(),
              new Effect.SendInvoice(
                  amount, composer.toMember(member, MessageTemplates.INVOICE).orElse(null)),
              RULE_MONTHLY_INVOICE,
              inputs));
      actions.add(
          new Action(
              member.id(),
              new Effect.AddNote(
                  NotePriority.NORMAL,
                  NoteCategory.BILLING,
                  "Monthly invoice sent - Amount: " + amount.dollars()),
              RULE_MONTHLY_INVOICE,
              inputs));
    }

    return new Plan(actions, InvoiceSummary.of(actions), skipped);
  }

  private static Optional<Instant> lastInvoice(List<CollectionAttempt> attempts) {
    return attempts.stream()
        .filter(attempt -> attempt.kind() == AttemptKind.INVOICE)
        .map(CollectionAttempt::attemptedAt)
        .max(Instant::compareTo);
  }

  private static boolean invoicedIn(
      YearMonth month, List<CollectionAttempt> attempts, ZoneId zone) {
    return attempts.stream()
        .filter(attempt -> attempt.kind() == AttemptKind.INVOICE)
        .anyMatch(attempt -> YearMonth.from(attempt.attemptedAt().atZone(zone)).equals(month));
  }

  /**
   * Reminders and invoices that reached the member or may (not FAILED, not SUPPRESSED), after
   * {@code from}. Attempts dated after now (messages queued for the next sending window) count too:
   * they will reach the member within the same 7 days.
   */
  private static long collectionMessagesAfter(List<CollectionAttempt> attempts, Instant from) {
    return attempts.stream()
        .filter(attempt -> attempt.outcome() != AttemptOutcome.FAILED)
        .filter(attempt -> attempt.outcome() != AttemptOutcome.SUPPRESSED)
        .filter(attempt -> attempt.attemptedAt().isAfter(from))
        .count();
  }
}
