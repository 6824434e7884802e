package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.application.run.PlanLedger.Entry;
import com.gymops.application.run.SummaryJson;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code review_plan}: the whole plan in one answer whose size does not grow with the club: counts,
 * totals, and a capped page of the members worth a person's look (docs/ARCHITECTURE.md, Agent
 * mode).
 */
final class ReviewPlan extends CatalogTool {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Details that are amounts, not categories: counting by them tells nothing. */
  private static final Set<String> AMOUNT_DETAILS = Set.of("send_invoice", "refer_to_collections");

  ReviewPlan() {
    super(
        "review_plan",
        "The plan for this run in one answer of bounded size: counts by action and detail,"
            + " status (pending, executed, held), members and their total balance, the"
            + " workflow's figures, skipped members by reason, and a page of exceptions worth a"
            + " look (recent staff notes, outsized balances, bad data, staff door locks)."
            + " Read-only; page with offset and limit (at most 200).",
        InputSchema.object().paging(),
        ALL_WORKFLOWS,
        false);
  }

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
    ObjectNode summary = SummaryJson.write(session.plan().summary());
    // Lists (referral rows, escalation cases) grow with the club: the exceptions page replaces
    // them.
    summary.properties().removeIf(field -> field.getValue().isArray());
    content.set("summary", summary);
    content.set("skipped", JSON.valueToTree(session.plan().skipped()));
    List<PlanExceptions.Concern> exceptions = PlanExceptions.of(session);
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
    return ToolResult.ok(content, laterTurns(content, page));
  }

  /**
   * What later requests re-send instead of the whole answer, which the model has read once: the
   * counts, and the exception members by id, so a hold can still name them.
   */
  private static ObjectNode laterTurns(ObjectNode content, ObjectNode page) {
    ObjectNode later = object();
    later.put("summarised", "full answer shown once; call review_plan again to see it");
    later.put("total_actions", content.get("total_actions").asInt());
    later.set("by_status", content.get("by_status"));
    later.put("members_with_actions", content.get("members_with_actions").asInt());
    later.set("total_amount", content.get("total_amount"));
    ObjectNode exceptions = later.putObject("exceptions");
    exceptions.put("total", page.get("total").asInt());
    exceptions.set("next_offset", page.get("next_offset"));
    var ids = exceptions.putArray("member_ids");
    page.get("items").forEach(item -> ids.add(item.get("member_id").asText()));
    return later;
  }
}
