package com.gymops.application.run;

/**
 * The agent of agent and shadow runs (docs/ARCHITECTURE.md, Agent mode): a model that drives a
 * planned run through the tools. Whatever it does goes through the ledger, so it can only execute
 * or hold planned actions. Implementations must be safe to call from several runs at once.
 */
public interface RunAgent {
  /**
   * Lets the model work on the run until it stops or a budget ends it. Never throws for an
   * unavailable model or an exhausted budget: the outcome says so, and the runner completes the
   * plan by the rules.
   */
  AgentOutcome drive(PlannedRun run, PlanLedger ledger);
}
