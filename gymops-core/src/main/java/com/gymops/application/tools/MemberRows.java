package com.gymops.application.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.application.run.PlanLedger.Entry;
import com.gymops.domain.Member;
import com.gymops.policy.CollectionFacts;
import com.gymops.policy.MemberSnapshot;
import java.util.List;

/**
 * How the read tools show a member: the few fields a decision needs, money as a decimal number, no
 * phone or email in lists (whether one exists is enough to decide; the profile shows them).
 */
final class MemberRows {
  private MemberRows() {}

  static ObjectNode collection(MemberSnapshot snapshot, CollectionFacts facts) {
    Member member = snapshot.member();
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    row.put("member_id", member.id().value());
    row.put("name", member.fullName());
    row.put("amount", member.pastDue().toBigDecimal());
    row.put(
        "past_due_since", member.pastDueSince() == null ? null : member.pastDueSince().toString());
    row.put("days_past_due", facts.daysPastDue());
    row.put("attempts", facts.attempts());
    row.put("door", member.door().code());
    row.put("open_referral", snapshot.openReferral().isPresent());
    return row;
  }

  static ObjectNode campaign(MemberSnapshot snapshot, List<Entry> planned) {
    Member member = snapshot.member();
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    row.put("member_id", member.id().value());
    row.put("name", member.fullName());
    row.put("status", member.status().name());
    row.put("joined_on", member.joinedOn() == null ? null : member.joinedOn().toString());
    row.put("sms_consent", member.smsConsent());
    row.put("opted_out", member.smsOptedOut());
    row.put("has_phone", member.textablePhone().isPresent());
    row.put("balance", member.pastDue().toBigDecimal());
    row.put(
        "planned_template",
        planned.stream()
            .filter(e -> e.action().name().equals("send_campaign"))
            .map(e -> e.action().detail())
            .findFirst()
            .orElse(null));
    return row;
  }

  static ArrayNode planned(List<Entry> entries) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (Entry entry : entries) {
      ObjectNode item = list.addObject();
      item.put("action", entry.action().name());
      item.put("detail", entry.action().detail());
      item.put("rule", entry.action().rule());
      item.put("status", entry.status().name().toLowerCase(java.util.Locale.ROOT));
      if (entry.outcome() != null) {
        item.put("outcome", entry.outcome().code());
      }
      if (entry.heldReason() != null) {
        item.put("held_reason", entry.heldReason());
      }
    }
    return list;
  }
}
