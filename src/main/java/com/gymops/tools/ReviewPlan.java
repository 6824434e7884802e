package com.gymops.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import com.gymops.domain.Note;
import com.gymops.policy.MemberSnapshot;
import com.gymops.workflow.ActionExecutor;
import com.gymops.workflow.PlanLedger.Entry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code review_plan}: the whole plan in one answer whose size does not grow with the club: counts,
 * totals, and a capped page of the members worth a person's look (DESIGN §1.6).
 */
final class ReviewPlan extends CatalogTool {
  static final Duration STAFF_NOTE_WINDOW = Duration.ofDays(30);
  static final int LARGE_BALANCE_FACTOR = 3;
  private static final int NOTE_EXCERPT = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Details that are amounts, not categories: counting by them tells nothing. */
  private static final Set<String> AMOUNT_DETAILS = Set.of("send_invoice", "refer_to_collections");

  ReviewPlan() {
    super(
        "review_plan",
        "Summarises what the policy plans for this run, whatever the number of members: counts"
            + " by action and detail (e.g. send_reminder friendly 12, firm 3), how many are"
            + " pending, executed and held, the members concerned and their total balance, the"
            + " seed's summary figures, the members the rules skipped by reason, and a page of"
            + " exceptions worth a look before executing: a staff note in the last 30 days (it may"
            + " say a payment plan was agreed), a balance at least 3x the median of the plan,"
            + " past_due_since in the future, no phone and no email, a door locked by staff with"
            + " actions planned. Then hold the members that need a person (hold_actions) and run"
            + " the rest (execute_plan). Exceptions page with offset and limit (at most 200)."
            + " Read-only.",
        InputSchema.object().paging(),
        ALL_WORKFLOWS,
        false);
  }

  /** A member of the plan that a person may want to look at first. */
  private record Concern(MemberSnapshot member, List<String> reasons, List<Entry> planned) {}

  @Override
  ToolResult run(JsonNode input, ToolSession session) {
    ObjectNode content = object();
    Map<String, Map<String, Integer>> byDetail = new LinkedHashMap<>();
    Map<String, Integer> byName = new LinkedHashMap<>();
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    Set<MemberId> members = new LinkedHashSet<>();
    for (Entry entry : session.ledger().entries()) {
      String name = entry.action().name();
      byName.merge(name, 1, Integer::sum);
      if (!AMOUNT_DETAILS.contains(name)) {
        byDetail
            .computeIfAbsent(name, k -> new LinkedHashMap<>())
            .merge(entry.action().detail(), 1, Integer::sum);
      }
      byStatus.merge(entry.status().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
      if (entry.action().member() != null) {
        members.add(entry.action().member());
      }
    }
    ObjectNode actions = content.putObject("actions");
    byName.forEach(
        (name, count) -> {
          ObjectNode node = actions.putObject(name);
          node.put("total", count);
          if (byDetail.containsKey(name)) {
            node.set("by_detail", JSON.valueToTree(byDetail.get(name)));
          }
        });
    content.put("total_actions", session.ledger().entries().size());
    content.set("by_status", JSON.valueToTree(byStatus));
    content.put("members_with_actions", members.size());
    content.put(
        "total_amount",
        members.stream()
            .map(id -> session.member(id).map(m -> m.member().pastDue()).orElse(Money.ZERO))
            .reduce(Money.ZERO, Money::plus)
            .toBigDecimal());
    ObjectNode summary = content.putObject("summary");
    // Lists (referral rows, escalation cases) grow with the club: the exceptions page replaces
    // them.
    session.plan().summary().entrySet().stream()
        .filter(e -> !(e.getValue() instanceof List<?>))
        .forEach(e -> summary.set(e.getKey(), JSON.valueToTree(e.getValue())));
    content.set("skipped", JSON.valueToTree(session.plan().skipped()));
    List<Concern> exceptions =
        session.remember("review_plan.exceptions", () -> exceptions(session, members));
    ObjectNode page =
        Paging.of(input)
            .page(
                exceptions,
                "items",
                e -> {
                  ObjectNode row = object();
                  Member member = e.member().member();
                  row.put("member_id", member.id().value());
                  row.put("name", member.fullName());
                  row.put("amount", member.pastDue().toBigDecimal());
                  row.set("reasons", JSON.valueToTree(e.reasons()));
                  row.set(
                      "planned",
                      JSON.valueToTree(
                          e.planned().stream()
                              .map(p -> ToolSession.describe(p.action()))
                              .toList()));
                  return row;
                });
    content.set("exceptions", page);
    return ToolResult.ok(content);
  }

  private static List<Concern> exceptions(ToolSession session, Set<MemberId> members) {
    List<MemberSnapshot> planned =
        members.stream().map(session::member).flatMap(java.util.Optional::stream).toList();
    Money median = median(planned);
    Instant notesSince = session.context().now().minus(STAFF_NOTE_WINDOW);
    LocalDate today = session.context().localDate();
    List<Concern> found = new ArrayList<>();
    for (MemberSnapshot snapshot : planned) {
      Member member = snapshot.member();
      List<String> reasons = new ArrayList<>();
      for (Note note : session.stores().notes().ofMember(member.id())) {
        if (!note.author().equals(ActionExecutor.AUTHOR) && note.createdAt().isAfter(notesSince)) {
          String text = note.text();
          reasons.add(
              "staff note on "
                  + LocalDate.ofInstant(note.createdAt(), session.context().club().zone())
                  + " by "
                  + note.author()
                  + ": "
                  + (text.length() > NOTE_EXCERPT
                      ? text.substring(0, NOTE_EXCERPT) + "..."
                      : text));
        }
      }
      if (median.isPositive()
          && member.pastDue().isAtLeast(Money.ofCents(median.cents() * LARGE_BALANCE_FACTOR))) {
        reasons.add(
            "balance $"
                + member.pastDue()
                + " is at least "
                + LARGE_BALANCE_FACTOR
                + "x the plan's median of $"
                + median);
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
    return found;
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
