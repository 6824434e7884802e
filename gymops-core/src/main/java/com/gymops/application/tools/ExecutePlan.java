package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.application.run.Outcome;
import com.gymops.application.run.PlanLedger.Entry;
import com.gymops.application.run.PlanLedger.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code execute_plan}: everything planned that is neither done nor held, in one call. */
final class ExecutePlan extends CatalogTool {
  static final int FAILURES_LISTED = 20;

  ExecutePlan() {
    super(
        "execute_plan",
        "Executes every planned action neither executed nor held, exactly as the rules would."
            + " Call once, after review_plan and any hold_actions. Returns counts by outcome and"
            + " the first "
            + FAILURES_LISTED
            + " failures.",
        InputSchema.object(),
        ALL_WORKFLOWS,
        true);
  }

  @Override
  ToolResult run(JsonNode input, ToolSession session) {
    List<Entry> executed = session.executeRemaining();
    Map<String, Integer> counts = new LinkedHashMap<>();
    ObjectNode content = object();
    ArrayNode failures = object().arrayNode();
    for (Entry entry : executed) {
      Outcome outcome = entry.outcome();
      counts.merge(outcome.kind().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
      if (outcome.kind() == Outcome.Kind.FAILED && failures.size() < FAILURES_LISTED) {
        failures.add(ToolSession.executed(entry.action(), outcome));
      }
    }
    long held = session.ledger().entries().stream().filter(e -> e.status() == Status.HELD).count();
    long total = session.ledger().entries().size();
    content.put("executed_now", executed.size());
    ObjectNode byOutcome = content.putObject("outcomes");
    counts.forEach(byOutcome::put);
    content.put("held", held);
    content.put("executed_before", total - held - executed.size());
    content.set("failures", failures);
    return ToolResult.ok(content);
  }
}
