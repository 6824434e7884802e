package com.gymops.application.tools;

import com.gymops.application.run.ActionExecutor;
import com.gymops.application.run.PlanLedger;
import com.gymops.application.run.PlanLedger.Entry;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import com.gymops.domain.Note;
import com.gymops.policy.MemberSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The members of a plan worth a person's look before it runs: what review_plan pages, and what
 * decides whether the model is asked at all ({@code agent.review_when: exceptions}). Computed once
 * per session, with one notes query for the whole club, not one per planned member.
 */
public final class PlanExceptions {
  static final Duration STAFF_NOTE_WINDOW = Duration.ofDays(30);
  static final int LARGE_BALANCE_FACTOR = 3;
  private static final int NOTE_EXCERPT = 200;

  private PlanExceptions() {}

  /** A member of the plan that a person may want to look at first. */
  record Concern(MemberSnapshot member, List<String> reasons, List<Entry> planned) {}

  /** How many planned members are exceptions worth the model's judgement. */
  public static int count(ToolSession session) {
    return of(session).size();
  }

  /** The members of the plan that are exceptions, in plan order. */
  public static List<MemberId> members(ToolSession session) {
    return of(session).stream().map(concern -> concern.member().member().id()).toList();
  }

  static List<Concern> of(ToolSession session) {
    return session.remember("plan.exceptions", () -> find(session));
  }

  private static List<Concern> find(ToolSession session) {
    Set<MemberId> members = new LinkedHashSet<>();
    for (Entry entry : session.ledger().entries()) {
      // A member held before the model is asked (a hold kept from earlier today) is not a question.
      if (entry.action().member() != null && entry.status() == PlanLedger.Status.PENDING) {
        members.add(entry.action().member());
      }
    }
    List<MemberSnapshot> planned =
        members.stream().map(session::member).flatMap(Optional::stream).toList();
    if (planned.isEmpty()) {
      return List.of();
    }
    Money median = median(planned);
    Instant notesSince = session.context().now().minus(STAFF_NOTE_WINDOW);
    Map<MemberId, List<Note>> staffNotes = new LinkedHashMap<>();
    for (Note note :
        session
            .records()
            .notes()
            .inClubAfter(session.context().club().id(), notesSince, ActionExecutor.AUTHOR)) {
      staffNotes.computeIfAbsent(note.memberId(), id -> new ArrayList<>()).add(note);
    }
    LocalDate today = session.context().localDate();
    List<Concern> found = new ArrayList<>();
    for (MemberSnapshot snapshot : planned) {
      Member member = snapshot.member();
      List<String> reasons = new ArrayList<>();
      for (Note note : staffNotes.getOrDefault(member.id(), List.of())) {
        String text = note.text();
        reasons.add(
            "staff note on "
                + LocalDate.ofInstant(note.createdAt(), session.context().club().zone())
                + " by "
                + note.author()
                + ": "
                + (text.length() > NOTE_EXCERPT ? text.substring(0, NOTE_EXCERPT) + "..." : text));
      }
      if (median.isPositive()
          && member.pastDue().isAtLeast(Money.ofCents(median.cents() * LARGE_BALANCE_FACTOR))) {
        reasons.add(
            "balance "
                + member.pastDue().dollars()
                + " is at least "
                + LARGE_BALANCE_FACTOR
                + "x the plan's median of "
                + median.dollars());
      }
      if (member.pastDueSince() != null && member.pastDueSince().isAfter(today)) {
        reasons.add("past_due_since " + member.pastDueSince() + " is in the future");
      }
      if (member.textablePhone().isEmpty() && member.email() == null) {
        reasons.add("no phone and no email on file");
      }
      if (member.door().equals(DoorAccess.LOCKED_OTHER)) {
        reasons.add("door locked by staff (LOCKED_OTHER) while actions are planned");
      }
      if (!reasons.isEmpty()) {
        found.add(new Concern(snapshot, reasons, session.ledger().plannedFor(member.id())));
      }
    }
    return List.copyOf(found);
  }

  /** The median balance of the plan's members who owe anything; zero when none does. */
  private static Money median(List<MemberSnapshot> members) {
    long[] cents =
        members.stream()
            .mapToLong(m -> m.member().pastDue().cents())
            .filter(c -> c > 0)
            .sorted()
            .toArray();
    if (cents.length == 0) {
      return Money.ZERO;
    }
    int middle = cents.length / 2;
    return Money.ofCents(
        cents.length % 2 == 1 ? cents[middle] : (cents[middle - 1] + cents[middle]) / 2);
  }
}
