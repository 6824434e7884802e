package com.gymops.application.run;

import com.gymops.application.run.PlanLedger.Entry;
import com.gymops.application.run.PlanLedger.Status;
import com.gymops.policy.Action;
import java.util.ArrayList;
import java.util.List;

/** Compares the rules' ledger of a shadow run with the agent's dry-run ledger of the same plan. */
final class ShadowComparison {
  private ShadowComparison() {}

  static ShadowDiff of(PlanLedger rules, PlanLedger agent) {
    List<Entry> rulesEntries = rules.entries();
    List<Entry> agentEntries = agent.entries();
    int execute = 0;
    int hold = 0;
    int leave = 0;
    List<ShadowDiff.Difference> differences = new ArrayList<>();
    for (int i = 0; i < agentEntries.size(); i++) {
      Entry entry = agentEntries.get(i);
      String agentSide;
      if (entry.status() == Status.EXECUTED) {
        execute++;
        continue;
      } else if (entry.status() == Status.HELD) {
        hold++;
        agentSide = "held: " + entry.heldReason();
      } else {
        leave++;
        agentSide = "not done";
      }
      if (differences.size() < ShadowDiff.LISTED) {
        Action action = entry.action();
        Entry rulesEntry = rulesEntries.get(i);
        differences.add(
            new ShadowDiff.Difference(
                action.member() == null ? null : action.member().value(),
                action.name(),
                action.detail(),
                rulesEntry.outcome() == null ? "pending" : rulesEntry.outcome().code(),
                agentSide));
      }
    }
    return new ShadowDiff(rulesEntries.size(), execute, hold, leave, differences);
  }
}
