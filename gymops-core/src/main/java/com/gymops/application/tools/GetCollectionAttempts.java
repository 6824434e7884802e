package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.MemberId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** {@code get_collection_attempts}: one member's reminders and invoices, newest first. */
final class GetCollectionAttempts extends CatalogTool {
  static final int MAX_SHOWN = 200;

  GetCollectionAttempts() {
    super(
        "get_collection_attempts",
        "Lists one member's collection contacts (reminders friendly/firm/final and invoices) of"
            + " the last days_back days (default 30, at most 400), newest first: at, kind,"
            + " channel (sms, email) and outcome (sent, delivered, failed). A failed reminder did"
            + " not reach the member and does not count as an attempt. At most "
            + MAX_SHOWN
            + " entries. Read-only.",
        InputSchema.object()
            .memberId()
            .integer("days_back", "How many days back to look; default 30.", 1, 400, false),
        ALL_WORKFLOWS,
        false);
  }

  @Override
  ToolResult run(JsonNode input, ToolSession session) {
    MemberId id = memberId(input);
    if (MemberLookup.find(session, id).isEmpty()) {
      return MemberLookup.unknown(session, id);
    }
    int daysBack = input.hasNonNull("days_back") ? input.get("days_back").asInt() : 30;
    Instant since = session.context().now().minus(Duration.ofDays(daysBack));
    List<CollectionAttempt> attempts =
        session.records().attempts().ofMember(id).stream()
            .filter(a -> a.attemptedAt().isAfter(since))
            .sorted((a, b) -> b.attemptedAt().compareTo(a.attemptedAt()))
            .toList();
    ObjectNode content = object();
    content.put("member_id", id.value());
    content.put("days_back", daysBack);
    content.put("total", attempts.size());
    ArrayNode list = content.putArray("attempts");
    for (CollectionAttempt attempt : attempts.subList(0, Math.min(MAX_SHOWN, attempts.size()))) {
      ObjectNode item = list.addObject();
      item.put("at", attempt.attemptedAt().toString());
      item.put("kind", attempt.kind().name().toLowerCase(Locale.ROOT));
      item.put("channel", attempt.channel().name().toLowerCase(Locale.ROOT));
      item.put("outcome", attempt.outcome().name().toLowerCase(Locale.ROOT));
    }
    return ToolResult.ok(content);
  }
}
