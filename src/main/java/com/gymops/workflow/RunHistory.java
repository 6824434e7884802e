package com.gymops.workflow;

import com.gymops.domain.RunEvent;
import com.gymops.domain.WorkflowRun;
import com.gymops.store.RunStore;
import java.util.List;
import java.util.Optional;

/** Past runs and their events, for people and scripts looking back. */
public final class RunHistory {
  private final RunStore runs;

  public RunHistory(RunStore runs) {
    this.runs = runs;
  }

  public List<WorkflowRun> latest(int limit) {
    return runs.latest(limit);
  }

  public Optional<WorkflowRun> find(String runId) {
    return runs.find(runId);
  }

  public List<RunEvent> events(String runId) {
    return runs.events(runId);
  }
}
