package com.gymops.policy;

import java.time.Clock;

/**
 * The rules of one workflow: a pure function of the club's snapshot (which carries the club's
 * settings) and the clock. No I/O; the same inputs always give the same plan.
 */
public interface WorkflowPolicy {
  Plan plan(ClubSnapshot snapshot, Clock clock);
}
